package io.tune4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.dashboard.export.ParamsOnlyFiles;
import io.tune4j.dashboard.server.DashboardServer;
import io.tune4j.dashboard.notes.NoteWriter;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.store.query.H2StudyQueries;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over a real H2 file, through a real server, with Vert.x's web client. */
@Timeout(60)
class DashboardApiTest {
    @TempDir
    static Path dir;

    static H2StudyStore store;
    static DashboardServer server;
    static Vertx vertx;
    static WebClient client;
    static long demo;

    @BeforeAll
    static void start() {
        store = DemoDatabase.create(dir);
        server = DashboardServer.start(new H2StudyQueries(store), new ParamsOnlyFiles(), DashboardServer.Options.local(0));
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
        demo = get("/api/studies").bodyAsJsonArray().stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("name").equals("demo")).findFirst().orElseThrow().getLong("id");
    }

    @AfterAll
    static void stop() {
        client.close();
        vertx.close().await();
        server.close();
        store.close();
    }

    static HttpResponse<Buffer> get(String path) {
        return client.get(server.port(), "127.0.0.1", path).send().await();
    }

    static JsonObject json(String path) {
        HttpResponse<Buffer> response = get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.bodyAsString());
        return response.bodyAsJsonObject();
    }

    static List<Integer> numbers(JsonObject page) {
        return page.getJsonArray("trials").stream().map(t -> ((JsonObject) t).getInteger("number")).toList();
    }

    @Test
    void studiesListCountsTrialsByStateAndTheBestValue() {
        JsonArray studies = get("/api/studies").bodyAsJsonArray();
        assertTrue(studies.size() >= 2, "demo, the hostile one, and those some tests add");
        JsonObject study = studies.stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("name").equals("demo")).findFirst().orElseThrow();
        assertEquals(12, study.getInteger("trials"));
        assertEquals(10, study.getJsonObject("states").getInteger("COMPLETE"));
        assertEquals(1, study.getJsonObject("states").getInteger("FAILED"));
        assertEquals(0.61, study.getDouble("best"), 1e-9);
        assertEquals("MAXIMIZE", study.getString("direction"));
    }

    @Test
    void trialsComeBestFirstByDefaultAndPagedOnTheServer() {
        JsonObject page = json("/api/studies/" + demo + "/trials?limit=3");
        assertEquals(List.of(11, 10, 9), numbers(page));
        assertEquals(12, page.getLong("total"));
        assertTrue(page.getBoolean("exact"));
        assertEquals(List.of(8, 7, 6), numbers(json("/api/studies/" + demo + "/trials?limit=3&offset=3")));
        // failed and pruned trials have no value: last, whatever the order
        List<Integer> ascending = numbers(json("/api/studies/" + demo + "/trials?order=asc"));
        assertEquals(List.of(0, 1, 2, 5), ascending.subList(0, 4));
        assertEquals(List.of(3, 4), ascending.subList(10, 12));
    }

    @Test
    void sortsByAParamAndFiltersByStateValueAndParamRanges() {
        assertEquals(List.of(11, 10, 9), numbers(json("/api/studies/" + demo
                + "/trials?sort=param:lr&order=desc&limit=3")));
        assertEquals(List.of(3), numbers(json("/api/studies/" + demo + "/trials?state=failed")));
        assertEquals(List.of(3, 4), numbers(json("/api/studies/" + demo + "/trials?state=FAILED,PRUNED&sort=number&order=asc")));
        assertEquals(List.of(6, 5), numbers(json("/api/studies/" + demo
                + "/trials?sort=number&order=desc&pmin.lr=0.0055&pmax.lr=0.0075&state=COMPLETE")));
        JsonObject adam = json("/api/studies/" + demo + "/trials?pin.optimizer=adam&value_min=0.55&sort=number&order=asc");
        assertEquals(List.of(6, 8, 10), numbers(adam));
        assertEquals(3, adam.getLong("total"));
    }

    /**
     * The catalogue of bad query strings: each gets its status and an error naming the argument, and the
     * study is untouched. {@code ID} stands for the demo study's id.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/studies/ID/trials?sort=objective_value%3BDROP%20TABLE%20trials | 400 | sort must be value, number or param:NAME
            /api/studies/ID/trials?sort=param:nope                            | 400 | 'nope'
            /api/studies/ID/trials?order=sideways                             | 400 | order must be asc or desc
            /api/studies/ID/trials?state=DONE                                 | 400 | state must be among
            /api/studies/ID/trials?value_min=high                             | 400 | value_min must be a number
            /api/studies/ID/trials?value_min=0.9&value_max=0.1                | 400 | value_min (0.9) is above value_max (0.1)
            /api/studies/ID/trials?pmin.lr=abc                                | 400 | pmin.lr must be a number
            /api/studies/ID/trials?pmin.lr=0.1&pmax.lr=0.01                   | 400 | pmin.lr (0.1) is above pmax.lr (0.01)
            /api/studies/ID/trials?pmin.nope=1                                | 400 | 'nope'
            /api/studies/ID/trials?limit=100000                               | 400 | limit must be in 1..1000
            /api/studies/ID/trials?offset=-1                                  | 400 | offset must be >= 0
            /api/studies/ID/trials?offset=ten                                 | 400 | offset must be an integer
            /api/studies/ID/trials?stat=COMPLETE                              | 400 | unknown argument 'stat'
            /api/studies/ID/curves?trials=1,two                               | 400 | trials must be trial numbers
            /api/studies/abc/trials                                           | 400 | id must be an integer
            /api/studies/999/trials                                           | 404 | no study with id 999
            /api/studies/ID/trials/99                                         | 404 | 99
            /api/studies/ID/export/best/secrets.txt                           | 404 | no export file 'secrets.txt'
            /api/studies/ID/trials/3/files/secrets.txt                        | 404 | no export file 'secrets.txt'
            /api/studies/ID/trials/x/files/params.yaml                        | 400 | number must be an integer
            /api/studies/999/timeline                                         | 404 | no study with id 999
            """)
    void aBadQueryStringGetsItsStatusAndAnErrorNamingTheArgument(String path, int status, String naming) {
        HttpResponse<Buffer> response = get(path.replace("ID", String.valueOf(demo)));
        assertEquals(status, response.statusCode(), response.bodyAsString());
        String error = response.bodyAsJsonObject().getString("error");
        assertTrue(error.contains(naming), "expected '" + naming + "' in: " + error);
        assertEquals(12, json("/api/studies/" + demo + "/trials").getLong("total"), "the table is still there");
    }

    @Test
    void nothingChangesAStudy() {
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
            assertEquals(405, client.request(method, server.port(), "127.0.0.1", "/api/studies/" + demo)
                    .send().await().statusCode(), method.name());
        }
    }

    @Test
    void oneTrialWithItsCurvesTimingsAndError() {
        JsonObject failed = json("/api/studies/" + demo + "/trials/3");
        assertEquals("FAILED", failed.getString("state"));
        assertEquals("diverged: loss is NaN", failed.getString("error"));
        assertEquals("cpu:0", failed.getString("device"));
        assertEquals("test:1", failed.getString("worker"));
        JsonArray loss = failed.getJsonObject("curves").getJsonArray("val_loss");
        assertEquals(3, loss.size());
        assertEquals(3, loss.getJsonArray(2).getInteger(0));
        JsonObject curves = json("/api/studies/" + demo + "/curves?trials=1,2");
        assertEquals(3, curves.getJsonObject("2").getJsonArray("val_accuracy").size());
    }

    @Test
    void historyHasEveryTrialAndParamsTheirRanges() {
        JsonObject history = json("/api/studies/" + demo + "/history");
        assertEquals(12, history.getJsonArray("number").size());
        assertEquals("F", history.getJsonArray("state").getString(3));
        JsonArray params = get("/api/studies/" + demo + "/params").bodyAsJsonArray();
        JsonObject lr = params.getJsonObject(0);
        assertEquals("lr", lr.getString("name"));
        assertEquals(0.001, lr.getDouble("min"), 1e-12);
        assertEquals(0.012, lr.getDouble("max"), 1e-12);
        // The axis comes from the declared space, not from the values seen (0.001 to 0.012).
        assertEquals("log_uniform", lr.getString("declared"));
        assertEquals("log", lr.getString("scale"));
        assertEquals(0.1, lr.getDouble("high"), 1e-12);
        JsonObject optimizer = params.getJsonObject(1);
        assertEquals("categorical", optimizer.getString("scale"));
        assertEquals(List.of("sgd", "adam"), optimizer.getJsonArray("choices").getList(), "in declared order");
    }

    @Test
    void aStudyWithoutADeclaredSpaceGetsTheObservedRangeOnALinearAxis() {
        long hostile = get("/api/studies").bodyAsJsonArray().stream().map(JsonObject.class::cast)
                .filter(s -> !s.getString("name").equals("demo")).findFirst().orElseThrow().getLong("id");
        JsonObject note = get("/api/studies/" + hostile + "/params").bodyAsJsonArray().getJsonObject(0);
        assertEquals(null, note.getString("declared"));
        assertEquals("categorical", note.getString("scale"));
        assertEquals(List.of(DemoDatabase.HOSTILE_PARAM), note.getJsonArray("choices").getList());
    }

    @Test
    void timelineAndTheCurvesOfAllTrials() {
        JsonObject timeline = json("/api/studies/" + demo + "/timeline");
        assertEquals(12, timeline.getJsonArray("number").size());
        assertEquals("F", timeline.getJsonArray("state").getString(3));
        assertTrue(timeline.getJsonArray("end").getLong(0) >= timeline.getJsonArray("start").getLong(0));
        JsonObject spread = json("/api/studies/" + demo + "/intermediate").getJsonObject("trials");
        assertEquals(12, spread.size(), "a small study sends every trial's curves");
        assertEquals(3, spread.getJsonObject("5").getJsonArray("val_loss").size());
    }

    @Test
    void aRunningTrialInTheLeaderboardCarriesItsLatestEpochAndValue() {
        long study = store.openStudy(new StudyDefinition("running", Direction.MAXIMIZE, "val_accuracy"), "random", 1).id();
        TrialRecord trial = store.createTrial(study, "test");
        store.setParams(trial.id(), Map.of("lr", 0.01));
        store.reportIntermediate(trial.id(), 1, Map.of("val_accuracy", 0.5, "val_loss", 0.9));
        store.reportIntermediate(trial.id(), 2, Map.of("val_accuracy", 0.7, "val_loss", 0.6));
        JsonObject row = json("/api/studies/" + study + "/trials").getJsonArray("trials").getJsonObject(0);
        assertEquals("RUNNING", row.getString("state"));
        assertEquals(null, row.getDouble("value"));
        JsonObject latest = row.getJsonObject("latest");
        assertEquals(2, latest.getInteger("step"));
        assertEquals("val_accuracy", latest.getString("metric"), "the study's metric, though val_loss came too");
        assertEquals(0.7, latest.getDouble("value"), 1e-12);
    }

    @Test
    void importanceNamesItsMethodAndCoversEveryParam() {
        JsonObject importance = json("/api/studies/" + demo + "/importance");
        assertTrue(importance.getString("method").contains("random-forest"));
        assertEquals(10, importance.getInteger("trials"));
        JsonArray entries = importance.getJsonArray("importances");
        assertEquals("lr", entries.getJsonObject(0).getString("param"), "value rises with lr alone");
    }

    @Test
    void exportsEveryValueInLongFormatAndAnyTrialsFiles() {
        String[] lines = get("/api/studies/" + demo + "/export/values.csv").bodyAsString().split("\r\n");
        assertEquals("number,state,step,metric,value", lines[0]);
        assertEquals(1 + 12 * 3 * 2, lines.length, "12 trials, 3 epochs, 2 metrics");
        assertTrue(lines[1].startsWith("0,COMPLETE,1,val_accuracy,"), lines[1]);
        assertTrue(lines[7].startsWith("1,COMPLETE,1,val_accuracy,"), lines[7]);
        HttpResponse<Buffer> params = get("/api/studies/" + demo + "/trials/4/files/params.yaml");
        assertEquals(200, params.statusCode());
        assertTrue(params.bodyAsString().contains("trial: 4"), params.bodyAsString());
        assertTrue(params.getHeader("Content-Disposition").contains("trial-4-params.yaml"));
        assertEquals(404, get("/api/studies/" + demo + "/trials/99/files/params.yaml").statusCode());
        assertEquals(404, get("/api/studies/" + demo + "/trials/4/files/model.zip").statusCode());
    }

    @Test
    void theTrialsCsvCarriesEveryAttribute() {
        TrialRecord tagged = DemoDatabase.addTrial(store, studyOfItsOwn("attributes"), 0.01, "adam", 0.5,
                TrialState.COMPLETE);
        store.setTrialAttribute(tagged.id(), "epochs_trained", "3");
        long study = store.findStudy("attributes").orElseThrow().id();
        String[] lines = get("/api/studies/" + study + "/export/trials.csv").bodyAsString().split("\r\n");
        assertTrue(lines[0].endsWith("param_lr,param_optimizer,attr_epochs_trained,error"), lines[0]);
        assertTrue(lines[1].endsWith(",0.01,adam,3,"), lines[1]);
    }

    private static long studyOfItsOwn(String name) {
        return store.openStudy(new StudyDefinition(name, Direction.MAXIMIZE, "val_accuracy"), "random", 1).id();
    }

    @Test
    void notesAreReadOnlyUnlessAllowedAndThenNeedTheToken() {
        assertEquals(405, client.put(server.port(), "127.0.0.1", "/api/studies/" + demo + "/notes")
                .putHeader("Content-Type", "application/json").sendJsonObject(new JsonObject().put("markdown", "x"))
                .await().statusCode());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new DashboardServer.Options("127.0.0.1", 0, null, true));
        assertTrue(refused.getMessage().contains("--allow-notes needs --token"), refused.getMessage());
        long study = studyOfItsOwn("noted");
        DemoDatabase.addTrial(store, study, 0.01, "adam", 0.5, TrialState.COMPLETE);
        try (DashboardServer writable = DashboardServer.start(new H2StudyQueries(store), new ParamsOnlyFiles(),
                new StoreNoteWriter(store), new DashboardServer.Options("127.0.0.1", 0, "s3cret", true))) {
            String path = "/api/studies/" + study + "/notes";
            JsonObject note = new JsonObject().put("markdown", "**wide** nets <script>window.pwned = 3</script>");
            assertEquals(401, client.put(writable.port(), "127.0.0.1", path)
                    .putHeader("Content-Type", "application/json").sendJsonObject(note).await().statusCode());
            assertEquals(400, client.put(writable.port(), "127.0.0.1", path).putHeader("Authorization", "Bearer s3cret")
                    .putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer("x")).await().statusCode());
            assertEquals(200, client.put(writable.port(), "127.0.0.1", path).putHeader("Authorization", "Bearer s3cret")
                    .putHeader("Content-Type", "application/json").sendJsonObject(note).await().statusCode());
            assertEquals(200, client.put(writable.port(), "127.0.0.1", "/api/studies/" + study + "/trials/0/notes")
                    .putHeader("Authorization", "Bearer s3cret").putHeader("Content-Type", "application/json")
                    .sendJsonObject(new JsonObject().put("markdown", "trial zero")).await().statusCode());
            assertEquals(404, client.put(writable.port(), "127.0.0.1", "/api/studies/" + study + "/trials/9/notes")
                    .putHeader("Authorization", "Bearer s3cret").putHeader("Content-Type", "application/json")
                    .sendJsonObject(new JsonObject().put("markdown", "none")).await().statusCode());
        }
        JsonObject read = json("/api/studies/" + study);
        assertEquals(false, read.getBoolean("notesWritable"));
        String html = read.getJsonObject("note").getString("html");
        assertTrue(html.contains("<strong>wide</strong>"), html);
        assertTrue(html.contains("&lt;script&gt;") && !html.contains("<script"), "raw HTML is escaped: " + html);
        assertEquals("trial zero", json("/api/studies/" + study + "/trials/0").getJsonObject("note").getString("markdown"));
    }

    /** The notes port over the store, as the command line wires it. */
    private record StoreNoteWriter(H2StudyStore store) implements NoteWriter {
        @Override
        public void study(long studyId, String markdown) {
            store.noteStudy(studyId, markdown);
        }

        @Override
        public boolean trial(long studyId, int number, String markdown) {
            return store.noteTrial(studyId, number, markdown);
        }
    }

    @Test
    void exportsAllTrialsAsCsvAndTheBestParams() {
        HttpResponse<Buffer> csv = get("/api/studies/" + demo + "/export/trials.csv");
        assertEquals(200, csv.statusCode());
        String[] lines = csv.bodyAsString().split("\r\n");
        assertEquals(13, lines.length);
        assertTrue(lines[0].startsWith("number,state,value,"));
        assertTrue(lines[0].contains("param_lr,param_optimizer"));
        assertTrue(lines[4].startsWith("3,FAILED,,"));
        String yaml = get("/api/studies/" + demo + "/export/best/params.yaml").bodyAsString();
        assertTrue(yaml.contains("trial: 11"), yaml);
        assertEquals(404, get("/api/studies/" + demo + "/export/best/model.zip").statusCode());
        assertEquals(404, get("/api/studies/" + demo + "/export/best/secrets.txt").statusCode());
    }

    @Test
    void anAddressOtherThanLoopbackNeedsATokenAndEveryRequestThen() {
        assertThrows(IllegalArgumentException.class, () -> new DashboardServer.Options("0.0.0.0", 0, null));
        try (DashboardServer guarded = DashboardServer.start(new H2StudyQueries(store), new ParamsOnlyFiles(),
                new DashboardServer.Options("127.0.0.1", 0, "s3cret"))) {
            String path = "/api/studies";
            assertEquals(401, client.get(guarded.port(), "127.0.0.1", path).send().await().statusCode());
            assertEquals(401, client.get(guarded.port(), "127.0.0.1", path + "?token=wrong").send().await()
                    .statusCode());
            assertEquals(200, client.get(guarded.port(), "127.0.0.1", path).putHeader("Authorization",
                    "Bearer s3cret").send().await().statusCode());
            HttpResponse<Buffer> page = client.get(guarded.port(), "127.0.0.1", "/?token=s3cret").send().await();
            assertEquals(200, page.statusCode());
            String cookie = page.cookies().get(0).split(";")[0];
            assertEquals(200, client.get(guarded.port(), "127.0.0.1", path).putHeader("Cookie", cookie)
                    .send().await().statusCode());
            assertTrue(guarded.url().endsWith("?token=s3cret"));
        }
    }
}
