package io.tune4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.cli.bench.HeadlessChromium;
import io.tune4j.dashboard.export.ParamsOnlyFiles;
import io.tune4j.dashboard.server.DashboardServer;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.store.query.H2StudyQueries;
import io.tune4j.store.query.StudyCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
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

    @Test
    @Order(Integer.MAX_VALUE)
    void aTrialAddedToTheDatabaseAppearsWithoutAReload() {
        openDemo();
        browser.executeScript("window.sameDocument = true;");
        DemoDatabase.addTrial(store, demo, 0.05, "adam", 0.99, TrialState.COMPLETE);
        waiting().until(d -> shownNumbers().contains("12"));
        assertEquals("12", shownNumbers().get(0), "the new best trial sorts to the top");
        assertEquals(Boolean.TRUE, browser.executeScript("return window.sameDocument;"), "no reload happened");
        assertEquals("1–13 of 13", browser.findElement(By.id("range")).getText());
    }

    @Test
    void aHostileStudyNameAndParamValueShowAsText() {
        open("index.html");
        waiting().until(d -> d.findElements(By.cssSelector("#studies tbody tr")).size() == 2);
        assertTrue(browser.findElement(By.id("studies")).getText().contains(DemoDatabase.HOSTILE_NAME));
        open("study.html?id=" + hostile);
        waiting().until(d -> "leaderboard".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertEquals(DemoDatabase.HOSTILE_NAME, browser.findElement(By.id("study-name")).getText());
        assertTrue(browser.findElement(By.id("leaderboard")).getText().contains(DemoDatabase.HOSTILE_PARAM));
        assertEquals(0, browser.findElements(By.cssSelector("#leaderboard img, #study-name script")).size());
        assertNull(browser.executeScript("return window.pwned === undefined ? null : window.pwned;"));
    }
}
