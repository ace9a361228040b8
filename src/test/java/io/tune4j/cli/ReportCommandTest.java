package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.tune4j.cli.Tune4jCli.Result;
import io.tune4j.cli.bench.HeadlessChromium;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * {@code report} on a small real study: one HTML file that refers to no address (charts are data: PNGs), parses
 * as XML, holds the best trial's value and params, shows every chart in a headless Chromium and passes axe's
 * WCAG 2.1 AA rules; and a Markdown summary beside it with the same best trial.
 */
class ReportCommandTest {
    private static final String IRIS = """
            study: iris-report
            dataset: iris
            objective: {metric: val_accuracy, direction: maximize}
            search: {sampler: random, trials: 3, seed: 4}
            training: {epochs: 5}
            space:
              learning_rate: {log_uniform: [3.0e-3, 3.0e-2]}
              optimizer: {choice: [adam, nesterov]}
              units: {int: [8, 24]}
            """;

    @TempDir
    Path dir;

    @Test
    void aStudyWithoutACompletedTrialGetsAReportThatSaysSo() throws Exception {
        Path results = dir.resolve("results");
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            StudyRecord study = store.openStudy(new StudyDefinition("young", Direction.MINIMIZE, "val_loss"), "tpe", 1);
            store.finishTrial(store.createTrial(study.id(), "w").id(), TrialState.FAILED, null, "diverged");
        }

        Result report = Tune4jCli.run("report", "young", "--results", results.toString());

        assertEquals(0, report.exitCode(), report.err());
        String html = Files.readString(results.resolve("young").resolve("report.html"));
        assertTrue(html.contains("No trial has completed yet.") && html.contains("1 (1 failed)"), html);
        assertTrue(Files.readString(results.resolve("young").resolve("report.md")).contains("**trials**: 1 (1 failed)"));
    }

    @Test
    void theReportIsOneOfflineFileWithTheBestTrialAndASummaryBesideIt() throws Exception {
        Path results = dir.resolve("results");
        Result run = Tune4jCli.run("run", Files.writeString(dir.resolve("iris.yaml"), IRIS).toString(),
                "--results", results.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        TrialRecord best;
        try (StudyStore store = H2StudyStore.openFile(results)) {
            best = store.topTrials(store.findStudy("iris-report").orElseThrow().id(), 1).get(0);
        }
        Path page = dir.resolve("out").resolve("iris.html");

        Result report = Tune4jCli.run("report", "iris-report", "--out", page.toString(), "--results", results.toString());

        assertEquals(0, report.exitCode(), report.err());
        assertEquals(List.of(page.toString(), dir.resolve("out").resolve("iris.md").toString()), report.out().lines().toList());
        String html = Files.readString(page);
        assertFalse(html.contains("http://") || html.contains("https://"), "no address of any kind in the page");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        NodeList images = document.getElementsByTagName("img");
        assertEquals(3, images.getLength(), "history, importance and curves");
        for (int i = 0; i < images.getLength(); i++) {
            String src = images.item(i).getAttributes().getNamedItem("src").getNodeValue();
            assertTrue(src.startsWith("data:image/png;base64,"), "a chart inside the file: " + src.substring(0, 40));
        }
        String value = String.format(Locale.ROOT, "%.4f", best.value());
        String text = document.getDocumentElement().getTextContent();
        assertTrue(text.contains("Best trial: " + best.number() + ", val_accuracy " + value), text);
        for (Map.Entry<String, Object> param : best.params().entrySet()) {
            assertTrue(text.contains(param.getKey() + param.getValue()), "best param " + param + " in " + text);
        }
        String markdown = Files.readString(dir.resolve("out").resolve("iris.md"));
        assertTrue(markdown.contains("## Best trial: " + best.number() + ", val_accuracy " + value), markdown);
        for (Map.Entry<String, Object> param : best.params().entrySet()) {
            assertTrue(markdown.contains("| " + param.getKey() + " | " + param.getValue() + " |"), markdown);
        }

        try (HeadlessChromium chromium = new HeadlessChromium(1200, 900)) {
            ChromeDriver browser = chromium.driver();
            browser.get(page.toUri().toString());
            for (WebElement image : browser.findElements(By.tagName("img"))) {
                assertTrue(((Number) browser.executeScript("return arguments[0].naturalWidth", image)).intValue() > 0,
                        "the chart " + image.getAttribute("alt") + " is drawn");
            }
            Results axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
            assertTrue(axe.getViolations().isEmpty(), "accessibility violations: " + axe.getViolations().stream()
                    .map(rule -> rule.getId() + " at " + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
                    .toList());
        }
    }
}
