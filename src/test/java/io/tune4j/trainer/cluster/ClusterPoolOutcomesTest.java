package io.tune4j.trainer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.pruner.SuccessiveHalvingPruner;
import io.tune4j.search.sampler.GridSampler;
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
import io.tune4j.trainer.pool.ScriptedObjectives;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a trial on a cluster worker ends besides completing: failed, pruned, or out of attempts. */
class ClusterPoolOutcomesTest {
    private static final SearchSpace SPACE = SearchSpace.builder().uniform("x", 0, 1).build();
    private static final Duration START = Duration.ofMinutes(2);

    @TempDir
    Path results;

    @Test
    void aTrialThatThrowsOnItsWorkerFailsWithTheReasonAndTheWorkerTakesTheNext() throws Exception {
        int port = FreePorts.pair();
        try (ClusterNode node = ClusterNode.start(NodeSettings.study("127.0.0.1", port, TestSecret.SECRET), START);
             H2StudyStore store = H2StudyStore.openFile(results);
             WorkerJvm worker = worker(port)) {
            Study study = Study.open(new StudyDefinition("throws", Direction.MAXIMIZE, "score"),
                    SPACE, new RandomSampler(7), store);
            try (ClusterPool pool = new ClusterPool(node, 1, ClusterObjectives.class, "throws:" + results)) {
                study.optimize(trial -> 0.0, Budget.trials(2), pool, StudyListener.NONE);
            }
            for (TrialRecord trial : store.trials(study.record().id())) {
                assertEquals(TrialState.FAILED, trial.state());
                assertEquals("RemoteTrialException: on worker w: IllegalStateException: boom on the worker", trial.error());
                assertEquals(1, store.intermediateValues(trial.id()).size(), "its epoch before the failure is kept");
            }
        }
    }

    @Test
    void thePrunerAnswersAWorkerAndItsTrialIsRecordedPruned() throws Exception {
        int port = FreePorts.pair();
        SearchSpace grid = SearchSpace.builder().uniform("x", 0, 1).build();
        try (ClusterNode node = ClusterNode.start(NodeSettings.study("127.0.0.1", port, TestSecret.SECRET), START);
             H2StudyStore store = H2StudyStore.openFile(results);
             WorkerJvm worker = worker(port)) {
            // Minimizing over the grid x = 0, 1: trial 0 scores 0 throughout, so trial 1 loses at the first rung.
            Study study = Study.open(new StudyDefinition("pruned", Direction.MINIMIZE, "score"),
                    grid, new GridSampler(2, 3), new SuccessiveHalvingPruner(1, 3), store);
            List<TrialRecord> ran;
            try (ClusterPool pool = new ClusterPool(node, 1, ScriptedObjectives.class, "learning")) {
                ran = study.optimize(trial -> 0.0, Budget.trials(2), pool, StudyListener.NONE);
            }
            assertEquals(TrialState.COMPLETE, ran.get(0).state());
            assertEquals(TrialState.PRUNED, ran.get(1).state());
            assertEquals("1", ran.get(1).attributes().get("pruned_at_epoch"));
        }
    }

    /**
     * Three nodes in this JVM speak the worker's side of the protocol and leave the cluster as soon as the
     * trial reaches them, as a worker that dies at once would: after the third, the trial fails.
     */
    @Test
    void aTrialWhoseWorkerIsLostOnEveryAttemptFailsWithTheLastReason() throws Exception {
        int port = FreePorts.pair();
        try (ClusterNode node = ClusterNode.start(NodeSettings.study("127.0.0.1", port, TestSecret.SECRET), START);
             H2StudyStore store = H2StudyStore.openFile(results)) {
            Study study = Study.open(new StudyDefinition("unlucky", Direction.MAXIMIZE, "score"),
                    SPACE, new RandomSampler(7), store);
            try (ClusterPool pool = new ClusterPool(node, 1, ClusterObjectives.class, "plain:" + results)) {
                CompletableFuture<List<TrialRecord>> run = CompletableFuture.supplyAsync(() ->
                        study.optimize(trial -> 0.0, Budget.trials(1), pool, StudyListener.NONE));
                List<String> names = new ArrayList<>();
                for (int attempt = 1; attempt <= ClusterPool.MAX_ATTEMPTS; attempt++) {
                    names.add("doomed-" + attempt);
                    dieOnFirstTrial(port, "doomed-" + attempt);
                }
                TrialRecord trial = run.get(5, TimeUnit.MINUTES).get(0);
                assertEquals(TrialState.FAILED, trial.state());
                assertEquals("WorkerLostException: lost its worker on all 3 attempts; the last: worker doomed-3 left"
                        + " the cluster (its process ended or its machine is unreachable)", trial.error());
                assertTrue(trial.attributes().get("attempt_1_lost").startsWith("worker doomed-1 "), trial.attributes().toString());
                assertTrue(trial.attributes().get("attempt_2_lost").startsWith("worker doomed-2 "), trial.attributes().toString());
                assertEquals("3", trial.attributes().get("attempts"));
            }
        }
    }

    /** A worker node that says hello with one slot, takes the first trial sent, and leaves the cluster. */
    private static void dieOnFirstTrial(int studyPort, String name) throws Exception {
        ClusterNode worker = ClusterNode.start(new NodeSettings("127.0.0.1", studyPort + 2, 100, 0,
                List.of(new ClusterAddress("127.0.0.1", studyPort)), TestSecret.SECRET), START);
        String id = UUID.randomUUID().toString();
        CompletableFuture<Void> gotTrial = new CompletableFuture<>();
        worker.bus().consumer(ClusterProtocol.workerAddress(id), message -> {
            message.replyValue(true);
            gotTrial.complete(null);
        });
        JsonObject hello = new JsonObject().put("worker", id).put("name", name).put("slots", 1)
                .put("member", worker.memberId().toString());
        for (int attempt = 0; ; attempt++) {
            try {
                worker.bus().request(ClusterProtocol.HELLO, hello, new DeliveryOptions()).toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
                break;
            } catch (Exception notRegisteredHereYet) {
                if (attempt == 600) throw notRegisteredHereYet;
                Thread.sleep(100);
            }
        }
        gotTrial.get(2, TimeUnit.MINUTES);
        worker.close();
    }

    private static WorkerJvm worker(int port) throws java.io.IOException {
        return WorkerJvm.start("--join", "127.0.0.1:" + port, "--slots", "1", "--name", "w", "--wait", "5m");
    }
}
