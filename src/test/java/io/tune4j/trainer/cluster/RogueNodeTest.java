package io.tune4j.trainer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Budget;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.Study;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.StudyListener;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.pool.ProcessMessages;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rogue node of issue 14 joined a study with no credentials and stored 20 fake values, and a non-numeric
 * value it sent crashed the study. Now a node without the secret is not heard, and a malformed message from a
 * worker that has it fails only its trial.
 */
class RogueNodeTest {
    private static final SearchSpace SPACE = SearchSpace.builder().uniform("x", 0, 1).build();
    private static final Duration START = Duration.ofMinutes(2);
    private static final DeliveryOptions TEN_SECONDS = new DeliveryOptions().setSendTimeout(10_000);

    @TempDir
    Path results;

    @Test
    void aNodeWithoutTheSecretIsRefusedAndStoresNothing() throws Exception {
        int port = FreePorts.pair();
        try (ClusterNode node = ClusterNode.start(NodeSettings.study("127.0.0.1", port, TestSecret.SECRET), START);
             H2StudyStore store = H2StudyStore.openFile(results)) {
            Study study = Study.open(new StudyDefinition("guarded", Direction.MAXIMIZE, "score"),
                    SPACE, new RandomSampler(7), store);
            try (ClusterPool pool = new ClusterPool(node, 2, ClusterObjectives.class, "plain:" + results)) {
                CompletableFuture<List<TrialRecord>> run = CompletableFuture.supplyAsync(() ->
                        study.optimize(trial -> 0.0, Budget.trials(2), pool, StudyListener.NONE));
                // A node of another secret is in another Hazelcast cluster: no one there takes its hello.
                try (ClusterNode stranger = rogue(port, ClusterSecret.parse(ClusterSecret.newText()))) {
                    assertEquals(1, stranger.memberCount());
                    assertThrows(ExecutionException.class, () -> answer(stranger.vertx().eventBus()
                            .request(ClusterProtocol.HELLO, helloBody(stranger, "stranger"), TEN_SECONDS)));
                }
                // One that learnt the cluster's name (it travels in the clear) joins, but without the key its
                // messages, plain or sealed with a key of its own, are refused.
                byte[] guessed = new byte[32];
                new SecureRandom().nextBytes(guessed);
                try (ClusterNode rogue = rogue(port, new ClusterSecret(guessed, TestSecret.SECRET.clusterName()))) {
                    assertEquals(2, rogue.memberCount());
                    assertRefused(() -> answer(rogue.vertx().eventBus()
                            .request(ClusterProtocol.HELLO, helloBody(rogue, "plain"), TEN_SECONDS)));
                    assertRefused(() -> answer(rogue.bus().request(ClusterProtocol.HELLO, helloBody(rogue, "sealed"),
                            TEN_SECONDS)));
                    JsonObject fake = ProcessMessages.of(ProcessMessages.VALUE).put("value", 1e9).put("attempt", "any");
                    assertRefused(() -> answer(rogue.bus().request(ClusterProtocol.TRIAL_EVENTS, fake, TEN_SECONDS)));
                }
                assertTrue(node.bus().refused() >= 3, "refused " + node.bus().refused());
                try (WorkerJvm worker = WorkerJvm.start("--join", "127.0.0.1:" + port, "--slots", "2", "--name", "w",
                        "--wait", "5m")) {
                    List<TrialRecord> ran = run.get(5, TimeUnit.MINUTES);
                    for (TrialRecord trial : ran) {
                        assertEquals(TrialState.COMPLETE, trial.state(), trial.toString());
                        assertTrue(trial.device().startsWith("w/"), "trained by the worker with the secret: " + trial);
                        assertTrue(trial.value() < 1, "a value of the objective, not the rogue's: " + trial);
                        assertEquals(3, store.intermediateValues(trial.id()).size());
                    }
                }
            }
            assertEquals(2, store.trials(study.record().id()).size());
        }
    }

    @Test
    void aMalformedResultFailsItsTrialAndTheStudyGoesOn() throws Exception {
        int port = FreePorts.pair();
        List<JsonObject> malformed = List.of(
                ProcessMessages.of(ProcessMessages.REPORT).put("step", 1).put("metrics", new JsonObject().put("score", "high")),
                ProcessMessages.of(ProcessMessages.ATTRIBUTE).put("key", "test_accuracy").put("value", "<b>great</b>"),
                ProcessMessages.of(ProcessMessages.VALUE).put("value", "lots"),
                ProcessMessages.of(ProcessMessages.REPORT).put("step", "one").put("metrics", new JsonObject().put("score", 1)),
                ProcessMessages.of(ProcessMessages.ATTRIBUTE).put("key", "retry_of").put("value", "3"));
        try (ClusterNode node = ClusterNode.start(NodeSettings.study("127.0.0.1", port, TestSecret.SECRET), START);
             H2StudyStore store = H2StudyStore.openFile(results);
             ClusterNode worker = rogue(port, TestSecret.SECRET)) {
            Study study = Study.open(new StudyDefinition("malformed", Direction.MAXIMIZE, "score"),
                    SPACE, new RandomSampler(7), store);
            AtomicInteger next = new AtomicInteger();
            String id = UUID.randomUUID().toString();
            worker.bus().consumer(ClusterProtocol.workerAddress(id), message -> {
                message.replyValue(true);
                if (message.body().containsKey("study_ended")) return;
                JsonObject event = malformed.get(next.getAndIncrement()).copy().put("attempt", message.body().getString("attempt"));
                worker.bus().request(ClusterProtocol.TRIAL_EVENTS, event, TEN_SECONDS);
            });
            List<TrialRecord> ran;
            try (ClusterPool pool = new ClusterPool(node, 1, ClusterObjectives.class, "plain:" + results)) {
                CompletableFuture<List<TrialRecord>> run = CompletableFuture.supplyAsync(() ->
                        study.optimize(trial -> 0.0, Budget.trials(malformed.size()), pool, StudyListener.NONE));
                for (int attempt = 0; ; attempt++) {
                    try {
                        answer(worker.bus().request(ClusterProtocol.HELLO, helloBody(worker, id, "sloppy"), TEN_SECONDS));
                        break;
                    } catch (ExecutionException notRegisteredHereYet) {
                        if (attempt == 100) throw notRegisteredHereYet;
                        Thread.sleep(200);
                    }
                }
                ran = run.get(5, TimeUnit.MINUTES);
            }
            assertEquals(List.of(
                    "RemoteTrialException: worker sloppy sent a malformed report message: metric score must be a number, got 'high'",
                    "RemoteTrialException: worker sloppy sent a malformed attribute message: attribute test_accuracy must be a number, got '<b>great</b>'",
                    "RemoteTrialException: worker sloppy sent a malformed value message: value must be a number, got 'lots'",
                    "RemoteTrialException: worker sloppy sent a malformed report message: step must be a whole number, got one",
                    "RemoteTrialException: worker sloppy sent a malformed attribute message: attribute retry_of is the study's own"),
                    ran.stream().map(TrialRecord::error).toList());
            for (TrialRecord trial : store.trials(study.record().id())) {
                assertEquals(TrialState.FAILED, trial.state());
                assertTrue(store.intermediateValues(trial.id()).isEmpty());
                assertTrue(trial.attributes().isEmpty(), trial.attributes().toString());
            }
        }
    }

    private static ClusterNode rogue(int studyPort, ClusterSecret secret) {
        return ClusterNode.start(new NodeSettings("127.0.0.1", studyPort + 2, 100, 0,
                List.of(new ClusterAddress("127.0.0.1", studyPort)), secret), START);
    }

    private static JsonObject helloBody(ClusterNode node, String name) {
        return helloBody(node, UUID.randomUUID().toString(), name);
    }

    private static JsonObject helloBody(ClusterNode node, String id, String name) {
        return new JsonObject().put("worker", id).put("name", name).put("slots", 8).put("member", node.memberId().toString());
    }

    private static Object answer(Future<?> request) throws Exception {
        return request.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static void assertRefused(Executable request) throws Exception {
        for (int attempt = 0; ; attempt++) {
            ExecutionException failed = assertThrows(ExecutionException.class, request);
            ReplyException reply = assertInstanceOf(ReplyException.class, failed.getCause());
            if (reply.failureCode() == SignedBus.REFUSED) return;
            // NO_HANDLERS until the study's consumer registration reaches the rogue through Hazelcast.
            if (attempt == 100) throw failed;
            Thread.sleep(200);
        }
    }
}
