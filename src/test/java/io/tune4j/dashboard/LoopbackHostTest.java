package io.tune4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tune4j.dashboard.export.ParamsOnlyFiles;
import io.tune4j.dashboard.server.DashboardServer;
import io.tune4j.store.H2StudyStore;
import io.tune4j.store.query.H2StudyQueries;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding: a page of evil.example whose name now points at 127.0.0.1 makes the browser send requests
 * with {@code Host: evil.example:PORT}; a dashboard on loopback answers only its own names.
 */
@Timeout(60)
class LoopbackHostTest {

    @Test
    void aLoopbackDashboardAnswersOnlyToItsOwnNames(@TempDir Path dir) {
        Vertx vertx = Vertx.vertx();
        WebClient client = WebClient.create(vertx);
        try (H2StudyStore store = DemoDatabase.create(dir);
             DashboardServer server = DashboardServer.start(new H2StudyQueries(store), new ParamsOnlyFiles(),
                     DashboardServer.Options.local(0))) {
            int port = server.port();
            for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port}) {
                assertEquals(200, status(client, port, host), host);
            }
            for (String host : new String[] {"evil.example:" + port, "127.0.0.1.evil.example:" + port,
                    "127.0.0.1:" + (port + 1), "localhost"}) {
                assertEquals(421, status(client, port, host), host);
            }
        } finally {
            client.close();
            vertx.close().await();
        }
    }

    private static int status(WebClient client, int port, String host) {
        return client.get(port, "127.0.0.1", "/api/studies").putHeader("Host", host).send().await().statusCode();
    }
}
