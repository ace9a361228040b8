package io.tune4j.trainer.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deaths a thread cannot survive, in worker processes: each fails its trial with the reason, the study goes on. */
class NativeFaultsTest {

    @Test
    void nativeCrashesOffHeapExhaustionAndInfiniteLossFailTheirTrialOnly(@TempDir Path results) {
        try (H2StudyStore store = H2StudyStore.openFile(results);
             ProcessPool pool = new ProcessPool(1, new PoolSettings(1, 1, PoolSettings.Isolation.PROCESS, List.of(), 1)
                     .allocator(), FaultyObjectives.class, "")) {
            Study study = Study.open(new StudyDefinition("faults", Direction.MINIMIZE, "loss"),
                    SearchSpace.builder().uniform("x", 0, 1).build(), new RandomSampler(5), store);
            study.optimize(trial -> { throw new AssertionError("runs in the worker process"); }, Budget.trials(5),
                    pool, StudyListener.NONE);
            Map<Integer, TrialRecord> byNumber = store.trials(study.record().id()).stream()
                    .collect(Collectors.toMap(TrialRecord::number, t -> t));
            String segv = byNumber.get(0).error();
            assertTrue(segv.startsWith("WorkerProcessException: the worker process crashed natively with SIGSEGV"
                    + " (JVM crash report "), segv);
            assertTrue(segv.contains("tune4j-worker-crash-"), "the report goes to the temp folder: " + segv);
            assertTrue(byNumber.get(1).error().startsWith(
                    "WorkerProcessException: the worker process was killed by signal 6 (SIGABRT)"), byNumber.get(1).error());
            assertEquals("WorkerProcessException: RuntimeException: Allocation failed: [std::bad_alloc]",
                    byNumber.get(2).error());
            assertEquals("objective returned Infinity", byNumber.get(3).error());
            for (int n = 0; n < 4; n++) assertEquals(TrialState.FAILED, byNumber.get(n).state());
            assertEquals(TrialState.COMPLETE, byNumber.get(4).state(), "the study goes on");
        }
    }
}
