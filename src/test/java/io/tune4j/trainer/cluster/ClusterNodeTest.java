package io.tune4j.trainer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClusterNodeTest {
    private static final Duration START = Duration.ofMinutes(2);

    @Test
    void aNodeJoiningByTcpOnLoopbackReachesTheFoundersEventBus() throws Exception {
        int port = FreePorts.pair();
        try (ClusterNode study = ClusterNode.start(NodeSettings.study("127.0.0.1", port, TestSecret.SECRET), START);
             ClusterNode worker = ClusterNode.start(new NodeSettings("127.0.0.1", port + 2, 20, 0,
                     List.of(new ClusterAddress("127.0.0.1", port)), TestSecret.SECRET), START)) {
            assertEquals(port, study.port());
            study.vertx().eventBus().<JsonObject>consumer("test.echo", message -> message.reply(message.body().put("seen", true)));
            JsonObject answer = null;
            // The consumer's registration reaches the other node through Hazelcast a moment later.
            for (int attempt = 0; attempt < 60 && answer == null; attempt++) {
                try {
                    answer = worker.vertx().eventBus().<JsonObject>request("test.echo", new JsonObject().put("from", "worker"))
                            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).body();
                } catch (Exception notYet) {
                    Thread.sleep(500);
                }
            }
            assertEquals(new JsonObject().put("from", "worker").put("seen", true), answer);
        }
    }

    @Test
    void aTakenPortIsOneClearMessage() {
        int port = FreePorts.pair();
        try (ClusterNode first = ClusterNode.start(NodeSettings.study("127.0.0.1", port, TestSecret.SECRET), START)) {
            ClusterException failure = assertThrows(ClusterException.class,
                    () -> ClusterNode.start(NodeSettings.study("127.0.0.1", port, TestSecret.SECRET), START));
            assertEquals("port " + port + " on 127.0.0.1 is already in use (another study or worker, or another program)",
                    failure.getMessage());
        }
    }
}
