package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.store.query.H2StudyQueries;
import io.tune4j.dashboard.server.DashboardServer;
import io.tune4j.store.H2StudyStore;
import io.tune4j.store.query.StudyCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run --dashboard} on a real iris study, and the downloads of its best trial from the dashboard. */
@Timeout(180)
class RunWithDashboardTest {
    private static final Pattern URL = Pattern.compile("dashboard at (http://127\\.0\\.0\\.1:\\d+/)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theRunServesItsStudyWhileItRunsAndTheBestTrialDownloadsAsDl4jFiles(@TempDir Path results)
            throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli.execute("run",
                "spaces/iris-mlp.yaml", "--results", results.toString(), "--trials", "6", "--dashboard",
                "--port", "0", "--no-progress"));

        String url = awaitUrl(out, run);
        HttpResponse<String> studies = get(url + "api/studies");
        boolean servedDuringTheRun = !run.isDone();
        assertEquals(200, studies.statusCode());
        assertTrue(studies.body().contains("\"name\":\"iris-mlp\""), studies.body());
        assertTrue(servedDuringTheRun, "the study list came back while trials were still running");

        assertEquals(0, run.get(150, TimeUnit.SECONDS), out.toString());
        assertThrows(IOException.class, () -> get(url + "api/studies"), "the dashboard stops with the run");

        // The same downloads the read-only `dashboard` command offers, from the models the run kept.
        ResultsOption option = new ResultsOption();
        option.dir = results;
        try (H2StudyStore store = H2StudyStore.openFile(results);
             DashboardServer server = DashboardServer.start(new H2StudyQueries(store), new DashboardFiles(option),
                     DashboardServer.Options.local(0))) {
            long study = store.read(StudyCatalog::ids).get("iris-mlp");
            String best = server.url() + "api/studies/" + study + "/export/best/";
            HttpResponse<String> json = get(best + "network.json");
            assertEquals(200, json.statusCode(), json.body());
            MultiLayerConfiguration configuration = MultiLayerConfiguration.fromJson(json.body());
            Path zip = results.resolve("downloaded.zip");
            HttpResponse<Path> model = http.send(HttpRequest.newBuilder(URI.create(best + "model.zip")).build(),
                    HttpResponse.BodyHandlers.ofFile(zip));
            assertEquals(200, model.statusCode());
            MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);
            assertEquals(configuration.getConfs().size(), network.getnLayers());
            assertEquals(3, network.layerSize(network.getnLayers() - 1), "iris has three classes");
            assertTrue(get(best + "params.yaml").body().contains("study: iris-mlp-trial-"));
        }
        assertTrue(Files.exists(results.resolve(H2StudyStore.FILE_NAME)));
    }

    private static String awaitUrl(StringWriter out, CompletableFuture<Integer> run) throws InterruptedException {
        while (true) {
            Matcher matcher = URL.matcher(out.toString());
            if (matcher.find()) return matcher.group(1);
            if (run.isDone()) throw new AssertionError("the run printed no dashboard URL:\n" + out);
            Thread.sleep(20);
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
