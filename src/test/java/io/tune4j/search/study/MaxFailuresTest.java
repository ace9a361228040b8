package io.tune4j.search.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.pruner.NopPruner;
import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.store.H2StudyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** search.max_failures: a study that fails too often stops starting trials; those running still finish. */
class MaxFailuresTest {
    private static final SearchSpace SPACE = SearchSpace.builder().uniform("x", -4, 4).build();

    @Test
    void theStudyStopsAfterMaxFailuresAndLetsTheRunningTrialFinish() {
        CountDownLatch limitReached = new CountDownLatch(1);
        Objective objective = trial -> {
            if (trial.number() == 0) {
                // Still running when the second failure stops the study; it must be waited for and kept.
                assertTrue(limitReached.await(60, TimeUnit.SECONDS));
                return 1.0;
            }
            throw new IllegalStateException("trial " + trial.number() + " fails");
        };
        StudyListener countFailures = new StudyListener() {
            private int failed;

            @Override
            public void trialFinished(TrialRecord trial, TrialRecord best) {
                if (trial.state() == TrialState.FAILED && ++failed == 2) limitReached.countDown();
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study study = Study.open(new StudyDefinition("fragile", Direction.MINIMIZE, "v"), SPACE,
                    new RandomSampler(1), new NopPruner(), store,
                    new FaultTolerance(Duration.ofSeconds(10), Duration.ofSeconds(60), 2, 2));
            List<TrialRecord> ran = study.optimize(objective, Budget.trials(50), twoSlots(threads), countFailures);

            assertEquals(3, ran.size(), "trials 1 and 2 fail, then nothing new starts");
            assertEquals(List.of(TrialState.FAILED, TrialState.FAILED, TrialState.COMPLETE),
                    ran.stream().map(TrialRecord::state).toList());
            assertEquals(0, ran.get(2).number(), "the trial running at the limit finished and was kept");
            assertEquals("2 trials failed in this run (max_failures: 2); the last: trial 2: IllegalStateException:"
                    + " trial 2 fails", study.stopReason().orElseThrow());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void withoutALimitEveryTrialRuns() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study study = Study.open(new StudyDefinition("tolerant", Direction.MINIMIZE, "v"), SPACE,
                    new RandomSampler(1), store);
            List<TrialRecord> ran = study.optimize(t -> { throw new IllegalStateException("no"); }, 6);
            assertEquals(6, ran.size());
            assertTrue(study.stopReason().isEmpty());
        }
    }

    private static TrialRunner twoSlots(ExecutorService threads) {
        return new TrialRunner() {
            @Override
            public int slots() {
                return 2;
            }

            @Override
            public CompletableFuture<Double> start(Trial trial, Objective objective) {
                return CompletableFuture.supplyAsync(() -> {
                    try {
                        return objective.evaluate(trial);
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                }, threads);
            }
        };
    }
}
