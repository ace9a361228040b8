package io.tune4j.cli.bench;

import io.tune4j.dashboard.export.ParamsOnlyFiles;
import io.tune4j.dashboard.server.DashboardServer;
import io.tune4j.store.H2StudyStore;
import io.tune4j.store.query.H2StudyQueries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tune4j bench dashboard}: fills a fresh database with a large synthetic study, serves it, and times
 * what a user waits for: the leaderboard's first page from the API (sorted by value, by a param, filtered)
 * and the study page in headless Chromium until its table, then every view, is drawn.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Time the dashboard on a large synthetic study: API first page and page load in Chromium.")
public final class DashboardBenchCommand implements Callable<Integer> {
    @Option(names = "--trials", defaultValue = "100000", description = "Trials in the study (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs per trial, 3 metrics each (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--repeat", defaultValue = "7", description = "Timed repetitions; the median is printed (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Results folder to fill and keep (default: a new temporary folder). Reused if it holds a study.")
    Path dir;

    @Option(names = "--screenshots", paramLabel = "DIR",
            description = "Also save the study page, every view drawn, at 1440 and 390 px wide as PNGs in DIR.")
    Path screenshots;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path results = dir != null ? dir : Files.createTempDirectory("tune4j-dashboard-bench");
        long start = System.nanoTime();
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            if (store.findStudy(SyntheticStudy.NAME).isEmpty()) {
                SyntheticStudy.fill(store, trials, epochs, 1);
                out.printf("filled %,d trials x %d epochs through the store in %.1f s (%s)%n", trials, epochs,
                        (System.nanoTime() - start) / 1e9, results);
            } else {
                out.printf("reusing the study in %s%n", results);
            }
            out.flush();
            long study = store.findStudy(SyntheticStudy.NAME).orElseThrow().id();
            try (DashboardServer server = DashboardServer.start(new H2StudyQueries(store), new ParamsOnlyFiles(),
                    DashboardServer.Options.local(0))) {
                String base = "http://127.0.0.1:" + server.port();
                Map<String, String> pages = new LinkedHashMap<>();
                pages.put("by value (default)", "");
                pages.put("by number, newest first", "sort=number");
                pages.put("by a param (learning_rate)", "sort=param:learning_rate&order=asc");
                pages.put("by value, state=COMPLETE", "state=COMPLETE");
                pages.put("by value, COMPLETE, dropout in [0.1, 0.3]", "state=COMPLETE&pmin.dropout=0.1&pmax.dropout=0.3");
                pages.put("by value, optimizer=adam, page 10", "pin.optimizer=adam&offset=450");
                pages.put("by a param (units), COMPLETE, dropout, adam",
                        "sort=param:units&order=desc&state=COMPLETE&pmin.dropout=0.1&pmax.dropout=0.3&pin.optimizer=adam");
                out.printf("%nleaderboard first page over HTTP (50 rows, median of %d after three warm-ups; load %s):%n",
                        repeat, LoadAverage.text());
                HttpClient http = HttpClient.newHttpClient();
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    URI uri = URI.create(base + "/api/studies/" + study + "/trials?limit=50&" + page.getValue());
                    out.printf("  %-45s %8.1f ms%n", page.getKey(), median(() -> fetch(http, uri)));
                    out.flush();
                }
                out.printf("%nstudy page in headless Chromium from navigation (median of %d after three warm-ups; load %s):%n",
                        repeat, LoadAverage.text());
                try (HeadlessChromium chromium = new HeadlessChromium(1400, 1000)) {
                    String url = base + "/study.html?id=" + study;
                    double[] table = new double[repeat];
                    double[] everything = new double[repeat];
                    double[] views = new double[repeat];
                    for (int i = -3; i < repeat; i++) {
                        long begin = System.nanoTime();
                        chromium.driver().get(url);
                        WebDriverWait wait = new WebDriverWait(chromium.driver(), Duration.ofSeconds(120));
                        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("data-ready-ms") != null);
                        // Every view drawn (the importance comes last): the next load must not share the
                        // server with this one's requests.
                        wait.until(d -> "all".equals(d.findElement(By.tagName("body")).getAttribute("data-views")));
                        if (i < 0) continue; // warm-ups
                        table[i] = Double.parseDouble(chromium.driver().findElement(By.tagName("body"))
                                .getAttribute("data-ready-ms"));
                        everything[i] = (System.nanoTime() - begin) / 1e6;
                        views[i] = Double.parseDouble(chromium.driver().findElement(By.tagName("body"))
                                .getAttribute("data-views-ms"));
                    }
                    Arrays.sort(table);
                    Arrays.sort(everything);
                    Arrays.sort(views);
                    out.printf("  %-45s %8.1f ms%n", "leaderboard drawn (performance.now)", table[repeat / 2]);
                    out.printf("  %-45s %8.1f ms%n", "every view drawn (performance.now)", views[repeat / 2]);
                    out.printf("  %-45s %8.1f ms%n", "every view drawn (seen from Selenium)", everything[repeat / 2]);
                    if (screenshots != null) {
                        for (int width : new int[] {1440, 390}) {
                            Path file = StudyScreenshot.take(chromium.driver(), url, width,
                                    screenshots.resolve("dashboard-study-" + width + ".png"));
                            out.printf("  saved %s%n", file);
                        }
                    }
                }
            }
        }
        out.printf("%ndatabase: %,d bytes%n", Files.size(results.resolve(H2StudyStore.FILE_NAME)));
        return 0;
    }

    private static void fetch(HttpClient http, URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Median milliseconds of {@code repeat} runs after three warm-ups (JIT, caches). */
    private double median(Runnable action) {
        for (int i = 0; i < 3; i++) action.run();
        double[] ms = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            action.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[repeat / 2];
    }
}
