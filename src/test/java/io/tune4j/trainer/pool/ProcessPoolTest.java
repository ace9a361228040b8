package io.tune4j.trainer.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.pruner.SuccessiveHalvingPruner;
import io.tune4j.search.sampler.GridSampler;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trials in child JVMs: crashes stay in their trial, reports and pruning cross the process boundary. */
class ProcessPoolTest {
    private static final SearchSpace SPACE = SearchSpace.builder().uniform("x", 0, 1).build();

    @TempDir
    Path results;

    private static DeviceAllocator cpus(int slots) {
        return new PoolSettings(slots, 1, PoolSettings.Isolation.PROCESS, List.of(), 1).allocator();
    }

    @Test
    void aChildThatExitsIsKilledOrThrowsFailsItsTrialWithTheReasonAndTheStudyGoesOn() {
        try (H2StudyStore store = H2StudyStore.openFile(results);
             ProcessPool pool = new ProcessPool(2, cpus(2), ScriptedObjectives.class, "by-number")) {
            Study study = Study.open(new StudyDefinition("children", Direction.MAXIMIZE, "score"),
                    SPACE, new RandomSampler(3), store);
            study.optimize(trial -> { throw new AssertionError("runs in the child, not here"); }, Budget.trials(5),
                    pool, StudyListener.NONE);
            Map<Integer, TrialRecord> byNumber = store.trials(study.record().id()).stream()
                    .collect(Collectors.toMap(TrialRecord::number, t -> t));
            assertEquals("WorkerProcessException: the worker process exited with code 3 before the trial ended;"
                    + " its last output: about to exit with 3", byNumber.get(0).error());
            assertTrue(byNumber.get(1).error().startsWith(
                    "WorkerProcessException: the worker process was killed by signal 9 (SIGKILL) before the trial ended"),
                    byNumber.get(1).error());
            assertEquals("WorkerProcessException: IllegalStateException: boom in the child", byNumber.get(2).error());
            for (int n = 0; n < 3; n++) assertEquals(TrialState.FAILED, byNumber.get(n).state());
            for (int n = 3; n < 5; n++) {
                TrialRecord done = byNumber.get(n);
                assertEquals(TrialState.COMPLETE, done.state());
                assertEquals(done.params().get("x"), done.value());
                assertTrue(done.device().startsWith("cpu:"));
                assertNotEquals("child " + ProcessHandle.current().pid(), done.attributes().get("where"));
                List<IntermediateValue> curve = store.intermediateValues(done.id());
                assertEquals(6, curve.size(), "3 epochs x 2 metrics, streamed back to the parent's store");
                assertTrue(curve.stream().filter(v -> v.metric().equals("loss")).allMatch(v -> Double.isNaN(v.value())));
            }
        }
    }

    @Test
    void thePrunerAnswersAChildAndItsTrialIsRecordedPruned() {
        SearchSpace grid = SearchSpace.builder().uniform("x", 0, 1).build();
        try (H2StudyStore store = H2StudyStore.openFile(results);
             ProcessPool pool = new ProcessPool(1, cpus(1), ScriptedObjectives.class, "learning")) {
            // Minimizing over the grid x = 0, 1: trial 0 scores 0 throughout, so trial 1 loses at the first rung.
            Study study = Study.open(new StudyDefinition("pruned", Direction.MINIMIZE, "score"),
                    grid, new GridSampler(2, 3), new SuccessiveHalvingPruner(1, 3), store);
            List<TrialRecord> ran = study.optimize(trial -> 0.0, Budget.trials(2), pool, StudyListener.NONE);
            assertEquals(List.of(0.0, 1.0), ran.stream().map(t -> t.params().get("x")).toList());
            assertEquals(TrialState.COMPLETE, ran.get(0).state());
            assertEquals(TrialState.PRUNED, ran.get(1).state());
            assertEquals("1", ran.get(1).attributes().get("pruned_at_epoch"));
            assertEquals(0.5, ran.get(1).value(), 1e-12, "its last reported score, x * 1 / 2");
        }
    }
}
