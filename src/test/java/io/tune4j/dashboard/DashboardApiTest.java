package io.tune4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.dashboard.export.ParamsOnlyFiles;
import io.tune4j.dashboard.server.DashboardServer;
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
        assertEquals(2, studies.size());
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
        assertEquals(List.of("adam", "sgd"), params.getJsonObject(1).getJsonArray("choices").getList());
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
