package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.store.query.H2StudyQueries;
import io.tune4j.dashboard.export.ParamsOnlyFiles;
import io.tune4j.dashboard.server.DashboardServer;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real runs of one study in one results folder, and this JVM reading it meanwhile with `studies` and a
 * dashboard server of its own:
 * every number taken once, every trial finished, no lock error anywhere (H2 AUTO_SERVER).
 */
class SharedStudyTest {

    @Test
    void twoRunsAndAReaderShareOneStudy(@TempDir Path results, @TempDir Path logs) throws Exception {
        List<Process> runs = new ArrayList<>();
        // Different budgets: the run that serves the database may end first, and the other must carry on.
        int[] budgets = {4, 7};
        for (int i = 0; i < budgets.length; i++) {
            runs.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "run", "spaces/iris-mlp.yaml", "--trials", String.valueOf(budgets[i]), "--no-progress",
                    "--results", results.toString())
                    .redirectOutput(logs.resolve("out" + i).toFile())
                    .redirectError(logs.resolve("err" + i).toFile())
                    .start());
        }
        int reads = 0;
        H2StudyStore dashboardStore = null;
        DashboardServer dashboard = null;
        try {
            while (runs.stream().anyMatch(Process::isAlive)) {
                Thread.sleep(300);
                if (!Files.exists(results.resolve(H2StudyStore.FILE_NAME))) continue;
                Tune4jCli.Result studies = Tune4jCli.run("studies", "--results", results.toString());
                assertEquals(0, studies.exitCode(), studies.err());
                if (dashboard == null) {
                    // A dashboard process of its own, as `tune4j dashboard` on the folder would be.
                    dashboardStore = H2StudyStore.openFile(results);
                    dashboard = DashboardServer.start(new H2StudyQueries(dashboardStore), new ParamsOnlyFiles(),
                            DashboardServer.Options.local(0));
                }
                HttpResponse<String> page = get(dashboard.url() + "api/studies");
                assertEquals(200, page.statusCode(), page.body());
                reads++;
            }
            HttpResponse<String> studies = get(dashboard.url() + "api/studies");
            assertTrue(studies.body().contains("\"trials\":11"), "the dashboard sees every trial: " + studies.body());
        } finally {
            if (dashboard != null) dashboard.close();
            if (dashboardStore != null) dashboardStore.close();
        }
        for (int i = 0; i < runs.size(); i++) {
            String err = Files.readString(logs.resolve("err" + i));
            assertEquals(0, runs.get(i).waitFor(), "run " + i + ": " + err + Files.readString(logs.resolve("out" + i)));
            assertTrue(!err.contains("Exception") && !err.contains("tune4j:"), "run " + i + " stderr: " + err);
        }
        assertTrue(reads > 1, "the reader read while the runs ran");
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            List<TrialRecord> trials = store.trials(store.findStudy("iris-mlp").orElseThrow().id());
            assertEquals(11, trials.size());
            for (int n = 0; n < trials.size(); n++) assertEquals(n, trials.get(n).number(), "numbers unique, no gap");
            assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE), trials.toString());
            assertEquals(2, trials.stream().map(TrialRecord::worker).distinct().count(), "both runs ran trials");
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
