package io.tune4j.trainer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Budget;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.IntermediateValue;
import io.tune4j.search.study.Study;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.StudyListener;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three JVMs on loopback: the study here (sampler, pool, H2 store) and two {@code tune4j worker} processes.
 * Nothing is timed: the scripts make the order of events certain (see ClusterObjectives).
 */
class ClusterPoolTest {
    private static final SearchSpace SPACE = SearchSpace.builder().uniform("x", 0, 1).build();

    @TempDir
    Path results;

    @TempDir
    Path scratch;

    @Test
    void trialsRunOnBothWorkersAndTheirEpochsReachTheStudysStore() throws Exception {
        int port = FreePorts.pair();
        try (ClusterNode node = ClusterNode.start(NodeSettings.study("127.0.0.1", port, TestSecret.SECRET), Duration.ofMinutes(2));
             H2StudyStore store = H2StudyStore.openFile(results);
             WorkerJvm a = worker(port, "worker-a");
             WorkerJvm b = worker(port, "worker-b")) {
            Study study = Study.open(new StudyDefinition("spread", Direction.MAXIMIZE, "score"),
                    SPACE, new RandomSampler(7), store);
            try (ClusterPool pool = new ClusterPool(node, 2, ClusterObjectives.class, "rendezvous:" + scratch)) {
                study.optimize(trial -> { throw new AssertionError("runs on a worker"); }, Budget.trials(4), pool,
                        StudyListener.NONE);
            }
            List<TrialRecord> trials = store.trials(study.record().id());
            assertEquals(4, trials.size());
            for (TrialRecord trial : trials) {
                assertEquals(TrialState.COMPLETE, trial.state(), trial.toString());
                assertEquals(trial.params().get("x"), trial.value());
                List<IntermediateValue> curve = store.intermediateValues(trial.id());
                assertEquals(List.of(1, 2, 3), curve.stream().map(IntermediateValue::step).toList());
            }
            Set<String> workers = trials.stream().map(t -> t.device().substring(0, t.device().indexOf('/')))
                    .collect(Collectors.toSet());
            assertEquals(Set.of("worker-a", "worker-b"), workers, "each trial records the worker it ran on");
            assertTrue(trials.stream().allMatch(t -> t.device().endsWith("/cpu:0")), trials.toString());
            assertEquals(0, a.exitCode(120), "a worker exits cleanly when the study ends: " + a.output());
            assertEquals(0, b.exitCode(120), b.output().toString());
            assertTrue(a.output().get(a.output().size() - 1).endsWith("exits: the study ended"), a.output().toString());
        }
    }

    @Test
    void aWorkerKilledMidTrialHasItsTrialRunAgainOnTheOtherWithTheSameParams() throws Exception {
        int port = FreePorts.pair();
        try (ClusterNode node = ClusterNode.start(NodeSettings.study("127.0.0.1", port, TestSecret.SECRET), Duration.ofMinutes(2));
             H2StudyStore store = H2StudyStore.openFile(results);
             WorkerJvm a = worker(port, "worker-a");
             WorkerJvm b = worker(port, "worker-b")) {
            Study study = Study.open(new StudyDefinition("lost", Direction.MAXIMIZE, "score"),
                    SPACE, new RandomSampler(7), store);
            try (ClusterPool pool = new ClusterPool(node, 1, ClusterObjectives.class, "die-once:" + scratch)) {
                study.optimize(trial -> { throw new AssertionError("runs on a worker"); }, Budget.trials(1), pool,
                        StudyListener.NONE);
            }
            TrialRecord trial = store.trials(study.record().id()).get(0);
            assertEquals(TrialState.COMPLETE, trial.state(), trial.toString());
            assertEquals(trial.params().get("x"), trial.value());
            assertEquals(trial.params().toString(), trial.attributes().get("ran_with"), "the same params, re-sent");
            assertEquals("2", trial.attributes().get("attempts"));
            String dead = trial.attributes().get("attempt_1_lost");
            String survivor = trial.device().substring(0, trial.device().indexOf('/'));
            assertTrue(dead.startsWith("worker ") && !dead.startsWith("worker " + survivor), trial.attributes().toString());
            WorkerJvm killed = dead.startsWith("worker worker-a") ? a : b;
            assertEquals(137, killed.exitCode(60), "killed by SIGKILL");
            // The second attempt's curve replaced the lost one's step by step: no mixed curve.
            assertEquals(List.of(101.0, 102.0, 103.0),
                    store.intermediateValues(trial.id()).stream().map(IntermediateValue::value).toList());
            assertEquals(0, (killed == a ? b : a).exitCode(120));
        }
        assertTrue(Files.exists(scratch.resolve("died")));
    }

    @Test
    void aFrozenWorkerIsGivenUpOnAndItsTrialRunsOnTheOther() throws Exception {
        int port = FreePorts.pair();
        try (ClusterNode node = ClusterNode.start(NodeSettings.study("127.0.0.1", port, TestSecret.SECRET), Duration.ofMinutes(2));
             H2StudyStore store = H2StudyStore.openFile(results);
             WorkerJvm a = worker(port, "worker-a");
             WorkerJvm b = worker(port, "worker-b")) {
            Study study = Study.open(new StudyDefinition("frozen", Direction.MAXIMIZE, "score"),
                    SPACE, new RandomSampler(7), store);
            Path stalled = scratch.resolve("stalled");
            long frozen;
            try (ClusterPool pool = new ClusterPool(node, 1, ClusterObjectives.class, "stall-once:" + scratch)) {
                CompletableFuture<List<TrialRecord>> run = CompletableFuture.supplyAsync(() -> study.optimize(
                        trial -> { throw new AssertionError("runs on a worker"); }, Budget.trials(1), pool,
                        StudyListener.NONE));
                // The file appears a moment before its content: wait for the pid itself.
                for (int wait = 0; wait < 3_000 && pidIn(stalled).isEmpty(); wait++) Thread.sleep(100);
                frozen = Long.parseLong(pidIn(stalled));
                // Frozen, not dead: its connections stay open, so only silence (heartbeats, Hazelcast's) shows it.
                new ProcessBuilder("kill", "-STOP", String.valueOf(frozen)).start().waitFor();
                try {
                    run.get(5, TimeUnit.MINUTES);
                } finally {
                    new ProcessBuilder("kill", "-CONT", String.valueOf(frozen)).start().waitFor();
                }
            }
            TrialRecord trial = store.trials(study.record().id()).get(0);
            assertEquals(TrialState.COMPLETE, trial.state(), trial.toString());
            String lost = trial.attributes().get("attempt_1_lost");
            assertTrue(lost.contains("sent no heartbeat for") || lost.contains("left the cluster"), lost);
            assertEquals(List.of(101.0, 102.0, 103.0),
                    store.intermediateValues(trial.id()).stream().map(IntermediateValue::value).toList());
            WorkerJvm thawed = lost.startsWith("worker worker-a") ? a : b;
            assertEquals(1, thawed.exitCode(180), "a worker the study gave up on exits: " + thawed.output());
            assertEquals(0, (thawed == a ? b : a).exitCode(120));
        }
    }

    @Test
    void aWorkerStartedBeforeTheStudyJoinsItOnceItIsThere() throws Exception {
        int port = FreePorts.pair();
        try (WorkerJvm early = worker(port, "early")) {
            // It says so once its first node has found no study and been closed; only then does the study start.
            for (int wait = 0; wait < 3_000 && early.output().stream().noneMatch(l -> l.startsWith("no study at")); wait++) {
                Thread.sleep(100);
            }
            assertTrue(early.output().get(0).startsWith("no study at 127.0.0.1:" + port + " yet"), early.output().toString());
            try (ClusterNode node = ClusterNode.start(NodeSettings.study("127.0.0.1", port, TestSecret.SECRET), Duration.ofMinutes(2));
                 H2StudyStore store = H2StudyStore.openFile(results)) {
                Study study = Study.open(new StudyDefinition("late", Direction.MAXIMIZE, "score"),
                        SPACE, new RandomSampler(7), store);
                try (ClusterPool pool = new ClusterPool(node, 1, ClusterObjectives.class, "plain:" + scratch)) {
                    study.optimize(trial -> { throw new AssertionError("runs on a worker"); }, Budget.trials(2), pool,
                            StudyListener.NONE);
                }
                assertTrue(store.trials(study.record().id()).stream()
                        .allMatch(t -> t.state() == TrialState.COMPLETE && t.device().startsWith("early/")));
            }
            assertEquals(0, early.exitCode(120), early.output().toString());
        }
    }

    private static String pidIn(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readString(file).strip() : "";
    }

    private static WorkerJvm worker(int port, String name) throws java.io.IOException {
        return WorkerJvm.start("--join", "127.0.0.1:" + port, "--slots", "1", "--name", name, "--wait", "5m");
    }
}
