package io.tune4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.cli.bench.HeadlessChromium;
import io.tune4j.dashboard.export.ParamsOnlyFiles;
import io.tune4j.dashboard.server.DashboardServer;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.tune4j.dashboard.notes.NoteWriter;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.store.query.H2StudyQueries;
import io.tune4j.store.query.StudyCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in the system's headless Chromium, against a real server on a real H2 file. Not skipped when
 * Chromium is missing: CI installs it (.ci/run), and a missing browser must fail loudly.
 */
// The live test adds a trial; it runs last so the others see the twelve of DemoDatabase.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class DashboardBrowserTest {
    @TempDir
    static Path dir;

    static H2StudyStore store;
    static DashboardServer server;
    static HeadlessChromium chromium;
    static ChromeDriver browser;
    static long demo;
    static long hostile;

    @BeforeAll
    static void start() {
        store = DemoDatabase.create(dir);
        demo = store.read(StudyCatalog::ids).get("demo");
        hostile = store.read(StudyCatalog::ids).get(DemoDatabase.HOSTILE_NAME);
        server = DashboardServer.start(new H2StudyQueries(store), new ParamsOnlyFiles(), DashboardServer.Options.local(0));
        chromium = new HeadlessChromium(1400, 1000);
        browser = chromium.driver();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
        store.close();
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    static void open(String page) {
        browser.get("http://127.0.0.1:" + server.port() + "/" + page);
    }

    /** Read in one script call: the live feed may redraw the table between two element lookups. */
    @SuppressWarnings("unchecked")
    static List<String> shownNumbers() {
        return (List<String>) browser.executeScript("return [...document.querySelectorAll("
                + "'#leaderboard tbody tr')].map(row => row.dataset.number);");
    }

    static void openDemo() {
        open("study.html?id=" + demo);
        waiting().until(d -> "leaderboard".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    @Test
    void leaderboardShowsTheRowsBestFirstAndSortsByAParam() {
        openDemo();
        assertEquals(12, shownNumbers().size());
        assertEquals("11", shownNumbers().get(0));
        assertEquals("1–12 of 12", browser.findElement(By.id("range")).getText());
        browser.findElement(By.cssSelector("th[data-sort='param:lr']")).click();
        waiting().until(d -> shownNumbers().get(0).equals("0"));
        assertEquals(List.of("0", "1", "2"), shownNumbers().subList(0, 3));
        browser.findElement(By.cssSelector("th[data-sort='param:lr']")).click();
        waiting().until(d -> shownNumbers().get(0).equals("11"));
    }

    @Test
    void clickingATrialShowsItAndDrawsItsLearningCurve() {
        openDemo();
        browser.findElement(By.cssSelector("#leaderboard tr[data-number='3']")).click();
        waiting().until(d -> "3".equals(d.findElement(By.id("curves")).getAttribute("data-drawn")));
        assertTrue(browser.findElements(By.cssSelector("#curves canvas")).size() > 0, "a uPlot canvas is drawn");
        assertEquals("val_accuracy", browser.findElement(By.id("curve-metric")).getAttribute("value"));
        WebElement trial = browser.findElement(By.id("trial"));
        waiting().until(d -> trial.getText().contains("diverged: loss is NaN"));
        assertEquals(3, browser.findElements(By.cssSelector("#trial-epochs tbody tr")).size());
    }

    @Test
    void aTrialHasAPageOfItsOwnWithItsParamsEpochsDeviceAndError() {
        openDemo();
        browser.findElement(By.cssSelector("#leaderboard tr[data-number='3']")).click();
        WebElement link = waiting().until(d -> d.findElement(By.cssSelector("#trial-title a")));
        link.click();
        waiting().until(d -> d.getCurrentUrl().contains("trial.html")
                && d.findElements(By.cssSelector("#trial-heading")).size() == 1
                && d.findElements(By.id("trial-facts")).size() == 1);
        assertEquals("demo · trial #3", browser.findElement(By.id("trial-heading")).getText());
        String facts = browser.findElement(By.id("trial-facts")).getText();
        assertTrue(facts.contains("failed") && facts.contains("cpu:0") && facts.contains("test:1"), facts);
        assertEquals("diverged: loss is NaN", browser.findElement(By.cssSelector("#trial pre.error")).getText());
        assertTrue(browser.findElement(By.id("trial-params")).getText().contains("sgd"));
        assertEquals(3, browser.findElements(By.cssSelector("#trial-epochs tbody tr")).size());
        browser.findElement(By.id("back")).click();
        waiting().until(d -> "leaderboard".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    /** Every view of the study page says something: a drawing (data-drawn) or a sentence why not. */
    @Test
    void everyViewIsDrawnOnTheDeclaredScales() {
        openDemo();
        waiting().until(d -> "all".equals(d.findElement(By.tagName("body")).getAttribute("data-views")));
        // The history, the timeline and the curves of all trials show all 12; the rest the 10 complete ones.
        Map<String, String> drawnTrials = Map.of("history", "12", "timeline", "12", "intermediate", "12", "edf", "10",
                "parallel", "10", "slice", "10", "contour", "10", "rank", "10");
        drawnTrials.forEach((view, trials) -> assertEquals(trials, drawn(view), view));
        // lr is declared log-uniform on [0.001, 0.1]: its parallel axis is labelled in decades up to 0.1,
        // though no trial went past 0.012; optimizer lists the declared choices.
        String lrAxis = browser.findElement(By.cssSelector("#parallel g[data-axis='lr']")).getText();
        assertTrue(lrAxis.contains("0.001") && lrAxis.contains("0.01") && lrAxis.contains("0.1"), lrAxis);
        String optimizerAxis = browser.findElement(By.cssSelector("#parallel g[data-axis='optimizer']")).getText();
        assertTrue(optimizerAxis.contains("sgd") && optimizerAxis.contains("adam"), optimizerAxis);
        assertTrue(browser.findElement(By.cssSelector("#parallel .legend")).getText().contains("best 0.61"));
        assertTrue(browser.findElement(By.id("importance")).getText().contains("lr"));
    }

    static String drawn(String view) {
        return waiting().until(d -> d.findElement(By.id(view)).getAttribute("data-drawn"));
    }

    @Test
    void brushingAnAxisOfTheParallelCoordinatesFiltersTheLeaderboard() {
        openDemo();
        drawn("parallel");
        WebElement grip = browser.findElement(By.cssSelector("#parallel rect[data-brush='lr']"));
        // From near the bottom of the lr axis to just above its middle: about 0.0012 to 0.012 on its log scale.
        new Actions(browser).moveToElement(grip, 0, 160).clickAndHold().moveByOffset(0, -175).release().perform();
        waiting().until(d -> !d.findElement(By.cssSelector("input[data-param='lr'][data-bound='max']"))
                .getAttribute("value").isEmpty());
        double min = Double.parseDouble(browser.findElement(By.cssSelector("input[data-param='lr'][data-bound='min']"))
                .getAttribute("value"));
        double max = Double.parseDouble(browser.findElement(By.cssSelector("input[data-param='lr'][data-bound='max']"))
                .getAttribute("value"));
        waiting().until(d -> shownNumbers().size() < 12);
        List<String> shown = shownNumbers();
        assertTrue(!shown.isEmpty(), "some trials are inside " + min + ".." + max);
        for (String number : shown) {
            double lr = 0.001 * (Integer.parseInt(number) + 1);
            assertTrue(lr >= min - 1e-9 && lr <= max + 1e-9, "trial " + number + " (lr " + lr + ") is in the brush");
        }
        assertTrue(browser.findElement(By.id("parallel-brushes")).getText().startsWith("Selected: lr"));
        browser.findElement(By.id("clear")).click();
        waiting().until(d -> shownNumbers().size() == 12);
    }

    @Test
    void theKeyboardAloneSortsAndChoosesTrials() {
        openDemo();
        browser.findElement(By.cssSelector("th[data-sort='number'] button")).sendKeys(Keys.ENTER);
        waiting().until(d -> shownNumbers().get(0).equals("0"));
        assertEquals("ascending", browser.findElement(By.cssSelector("th[data-sort='number']")).getAttribute("aria-sort"));
        WebElement row = browser.findElement(By.cssSelector("#leaderboard tr[data-number='2']"));
        row.sendKeys(Keys.ENTER);
        waiting().until(d -> "2".equals(d.findElement(By.id("curves")).getAttribute("data-drawn")));
        assertEquals("true", browser.findElement(By.cssSelector("#leaderboard tr[data-number='2']"))
                .getAttribute("aria-selected"));
    }

    @Test
    void axeFindsNoAccessibilityViolationOnAnyPage() {
        open("index.html");
        waiting().until(d -> "studies".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertNoViolations("index.html");
        openDemo();
        waiting().until(d -> "all".equals(d.findElement(By.tagName("body")).getAttribute("data-views")));
        browser.findElement(By.cssSelector("#leaderboard tr[data-number='3']")).click();
        waiting().until(d -> d.findElements(By.id("trial-epochs")).size() == 1);
        assertNoViolations("study.html");
        open("trial.html?study=" + demo + "&number=3");
        waiting().until(d -> "trial".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertNoViolations("trial.html");
        open("compare.html?ids=" + demo + "," + hostile);
        waiting().until(d -> "compare".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertNoViolations("compare.html");
    }

    static void assertNoViolations(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        String found = results.getViolations().stream().map(rule -> rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList()).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(results.getViolations().isEmpty(), page + " has accessibility violations:" + found);
    }

    @Test
    void onAPhoneThePageIsOneColumnAndOnlyTheLeaderboardScrollsSideways() {
        // A phone: a 390 px wide screen that honours the viewport meta (a desktop window cannot be made that narrow).
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 2, "mobile", true));
        try {
            openDemo();
            waiting().until(d -> "all".equals(d.findElement(By.tagName("body")).getAttribute("data-views")));
            assertTrue(String.valueOf(browser.findElement(By.cssSelector("meta[name=viewport]")).getAttribute("content"))
                    .contains("width=device-width"));
            Object[] layout = ((List<?>) browser.executeScript("""
                    const scroll = document.querySelector('#leaderboard').parentElement;
                    return [document.documentElement.scrollWidth - 390,
                            scroll.scrollWidth - scroll.clientWidth,
                            document.getElementById('history').closest('section').offsetLeft
                              - document.getElementById('edf').closest('section').offsetLeft,
                            document.getElementById('edf').closest('section').offsetTop
                              - document.getElementById('history').closest('section').offsetTop];""")).toArray();
            assertTrue(((Number) layout[0]).longValue() <= 0, "the page itself does not scroll sideways: " + layout[0]
                    + " px too wide, because of " + browser.executeScript("""
                    return [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 391
                      && !e.closest('.scroll, svg')).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className)
                      .join(' ');"""));
            assertTrue(((Number) layout[1]).longValue() > 0, "the leaderboard does: " + layout[1]);
            assertEquals(0L, ((Number) layout[2]).longValue(), "one column: history and EDF are aligned");
            assertTrue(((Number) layout[3]).longValue() > 0, "and stacked");
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void anUnknownStudyIsAMessageNotABlankPage() {
        open("study.html?id=999");
        waiting().until(d -> "error".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertEquals("There is no study with id 999 in this database.",
                browser.findElement(By.cssSelector("#problem p")).getText());
        open("trial.html?study=" + demo + "&number=99");
        waiting().until(d -> "error".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertTrue(browser.findElement(By.id("trial")).getText().contains("has no trial 99"));
    }

    @Test
    void aStudyWithoutTrialsSaysSoInEveryView() {
        long empty = store.openStudy(new StudyDefinition("empty", Direction.MINIMIZE, "loss"), "random", 1).id();
        open("study.html?id=" + empty);
        waiting().withMessage(() -> "server says: " + serverSays("/api/studies/" + empty + "/trials") + " page says: "
                + browser.findElement(By.tagName("body")).getText())
                .until(d -> "all".equals(d.findElement(By.tagName("body")).getAttribute("data-views")));
        assertTrue(browser.findElement(By.id("leaderboard-empty")).getText().contains("no trials yet"));
        for (String view : List.of("history", "edf", "intermediate", "parallel", "slice", "contour", "rank", "timeline",
                "importance")) {
            WebElement node = browser.findElement(By.id(view));
            assertTrue(!node.findElements(By.cssSelector("p.empty")).isEmpty(), view + " says why it is empty: "
                    + node.getText());
        }
    }

    static String serverSays(String path) {
        long start = System.nanoTime();
        try {
            String body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return (System.nanoTime() - start) / 1_000_000 + " ms: " + body;
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void aServerThatStopsIsShownOnThePage() {
        try (DashboardServer doomed = DashboardServer.start(new H2StudyQueries(store), new ParamsOnlyFiles(),
                DashboardServer.Options.local(0))) {
            browser.get("http://127.0.0.1:" + doomed.port() + "/study.html?id=" + demo);
            waiting().until(d -> "leaderboard".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            waiting().until(d -> d.findElement(By.id("live")).getText().equals("live"));
        }
        WebElement banner = waiting().until(d -> {
            WebElement b = d.findElement(By.id("banner"));
            return b.isDisplayed() ? b : null;
        });
        assertTrue(banner.getText().contains("does not answer"), banner.getText());
        browser.findElement(By.cssSelector("th[data-sort='number'] button")).click();
        assertTrue(browser.findElement(By.id("banner")).isDisplayed(), "sorting says so too, rather than nothing");
    }

    @Test
    void aRunningTrialShowsItsEpochAndItsTableGrowsWithItsCurve() {
        long study = store.openStudy(new StudyDefinition("live", Direction.MAXIMIZE, "val_accuracy"), "random", 1).id();
        TrialRecord running = store.createTrial(study, "test:1");
        store.setParams(running.id(), Map.of("lr", 0.01));
        store.reportIntermediate(running.id(), 1, Map.of("val_accuracy", 0.4));
        open("study.html?id=" + study);
        waiting().until(d -> "leaderboard".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        waiting().until(d -> d.findElement(By.id("live")).getText().equals("live"));
        assertEquals("0.4000 (epoch 1)", browser.executeScript(
                "return document.querySelector(\"#leaderboard tr[data-number='0'] td.value\").textContent;"));
        // The live feed redraws the table when the trial's first epoch arrives: click whatever row is there.
        waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#leaderboard tr[data-number='0']")).click();
            return true;
        });
        waiting().until(d -> d.findElements(By.cssSelector("#trial-epochs tbody tr")).size() == 1);
        store.reportIntermediate(running.id(), 2, Map.of("val_accuracy", 0.6));
        waiting().until(d -> d.findElements(By.cssSelector("#trial-epochs tbody tr")).size() == 2);
        waiting().until(d -> "0.6000 (epoch 2)".equals(browser.executeScript(
                "return document.querySelector(\"#leaderboard tr[data-number='0'] td.value\").textContent;")));
        store.finishTrial(running.id(), TrialState.COMPLETE, 0.6, null);
    }

    @Test
    void withNotesAllowedThePageEditsAStudysNoteAndShowsItsMarkdown() {
        long study = store.openStudy(new StudyDefinition("noted", Direction.MAXIMIZE, "val_accuracy"), "random", 1).id();
        try (DashboardServer writable = DashboardServer.start(new H2StudyQueries(store), new ParamsOnlyFiles(),
                new NoteWriter() {
                    @Override
                    public void study(long studyId, String markdown) {
                        store.noteStudy(studyId, markdown);
                    }

                    @Override
                    public boolean trial(long studyId, int number, String markdown) {
                        return store.noteTrial(studyId, number, markdown);
                    }
                }, new DashboardServer.Options("127.0.0.1", 0, "s3cret", true))) {
            String base = "http://127.0.0.1:" + writable.port();
            browser.get(base + "/?token=s3cret");
            browser.get(base + "/study.html?id=" + study);
            waiting().until(d -> "all".equals(d.findElement(By.tagName("body")).getAttribute("data-views")));
            browser.findElement(By.cssSelector("#study-note summary")).click();
            browser.findElement(By.cssSelector("#study-note textarea"))
                    .sendKeys("**tanh** never wins <img src=x onerror=\"window.pwned = 4\">");
            browser.findElement(By.cssSelector("#study-note button")).click();
            waiting().until(d -> d.findElements(By.cssSelector("#study-note .note-body strong")).size() == 1);
            browser.navigate().refresh();
            waiting().until(d -> d.findElements(By.cssSelector("#study-note .note-body strong")).size() == 1);
            assertEquals("tanh", browser.findElement(By.cssSelector("#study-note .note-body strong")).getText());
            assertEquals(0, browser.findElements(By.cssSelector("#study-note img")).size());
            assertNull(browser.executeScript("return window.pwned === undefined ? null : window.pwned;"));
        }
        open("study.html?id=" + study);
        waiting().until(d -> "leaderboard".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertEquals(0, browser.findElements(By.cssSelector("#study-note textarea")).size(), "read-only: no editor");
        assertTrue(browser.findElement(By.id("study-note")).getText().contains("tanh never wins"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aTrialAddedToTheDatabaseAppearsWithoutAReload() {
        openDemo();
        browser.executeScript("window.sameDocument = true;");
        waiting().until(d -> d.findElement(By.id("live")).getText().equals("live"));
        DemoDatabase.addTrial(store, demo, 0.05, "adam", 0.99, TrialState.COMPLETE);
        // The row may show before the next poll sorts it (failed once at load 3 through the database server).
        waiting().until(d -> !shownNumbers().isEmpty() && shownNumbers().get(0).equals("12"));
        assertEquals(Boolean.TRUE, browser.executeScript("return window.sameDocument;"), "no reload happened");
        assertEquals("1–13 of 13", browser.findElement(By.id("range")).getText());
    }

    @Test
    void aHostileStudyNameAndParamValueShowAsText() {
        open("index.html");
        waiting().until(d -> d.findElements(By.cssSelector("#studies tbody tr")).size() >= 2);
        assertTrue(browser.findElement(By.id("studies")).getText().contains(DemoDatabase.HOSTILE_NAME));
        open("study.html?id=" + hostile);
        waiting().until(d -> "leaderboard".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertEquals(DemoDatabase.HOSTILE_NAME, browser.findElement(By.id("study-name")).getText());
        assertTrue(browser.findElement(By.id("leaderboard")).getText().contains(DemoDatabase.HOSTILE_PARAM));
        assertEquals(0, browser.findElements(By.cssSelector("#leaderboard img, #study-name script")).size());
        assertNull(browser.executeScript("return window.pwned === undefined ? null : window.pwned;"));
    }
}
