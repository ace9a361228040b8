package io.tune4j.search.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.sampler.GridSampler;
import io.tune4j.search.sampler.LambdaSampler;
import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.store.H2StudyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The study loop through the real H2 store (in memory). */
class StudyEngineTest {
    private static final SearchSpace SPACE = SearchSpace.builder().uniform("x", -4, 4).build();

    @Test
    void failuresOfEveryKindAreRecordedAndTheStudyGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        Objective flaky = trial -> switch (calls.getAndIncrement()) {
            case 0 -> throw new IllegalStateException("boom");
            case 1 -> Double.NaN;
            case 2 -> throw new OutOfMemoryError("simulated");
            default -> trial.getDouble("x") * trial.getDouble("x");
        };
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study study = open(store, "flaky", new RandomSampler(1));
            List<TrialRecord> ran = study.optimize(flaky, 5);
            assertEquals(List.of(TrialState.FAILED, TrialState.FAILED, TrialState.FAILED, TrialState.COMPLETE,
                    TrialState.COMPLETE), ran.stream().map(TrialRecord::state).toList());
            assertEquals("IllegalStateException: boom", ran.get(0).error());
            assertEquals("objective returned NaN", ran.get(1).error());
            assertEquals("OutOfMemoryError: simulated", ran.get(2).error());
            assertTrue(study.bestTrial().orElseThrow().number() >= 3);
        }
    }

    @Test
    void reopeningAStudyContinuesItsNumberingAndHistory() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            open(store, "again", new RandomSampler(1)).optimize(t -> t.getDouble("x"), 3);
            Study reopened = open(store, "again", new RandomSampler(1));
            assertEquals(3, reopened.finishedTrials().size());
            List<TrialRecord> more = reopened.optimize(t -> t.getDouble("x"), 2);
            assertEquals(List.of(3, 4), more.stream().map(TrialRecord::number).toList());
            assertEquals(5, store.trials(reopened.record().id()).size());
        }
    }

    @Test
    void reportsReachTheStoreAsTheyHappen() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study study = open(store, "curves", new RandomSampler(1));
            TrialRecord trial = study.optimize(t -> {
                for (int step = 1; step <= 3; step++) t.report(step, Map.of("loss", 1.0 / step));
                t.setAttribute("note", "done");
                return 1.0 / 3;
            }, 1).get(0);
            assertEquals(3, store.intermediateValues(trial.id()).size());
            assertEquals(0.5, store.intermediateValues(trial.id()).get(1).value());
            assertEquals("done", store.trials(study.record().id()).get(0).attributes().get("note"));
        }
    }

    @Test
    void aStudyCannotContinueInTheOtherDirection() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            open(store, "dir", new RandomSampler(1));
            assertThrows(IllegalArgumentException.class, () -> Study.open(
                    new StudyDefinition("dir", Direction.MAXIMIZE, "v"), SPACE,
                    new RandomSampler(1), store));
        }
    }

    @Test
    void anExhaustedGridEndsTheStudyBeforeItsBudget() {
        SearchSpace grid = SearchSpace.builder().choice("a", 1, 2, 3).build();
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study study = Study.open(new StudyDefinition("grid", Direction.MINIMIZE, "v"), grid,
                    new GridSampler(2, 1), store);
            List<TrialRecord> ran = study.optimize(t -> t.getInt("a"), 10);
            assertEquals(3, ran.size());
            assertEquals(1, study.bestTrial().orElseThrow().params().get("a"));
            assertTrue(study.endReason().isEmpty(), "a finished grid is a study done, not one cut short");
        }
    }

    @Test
    void aFailingSamplerLeavesNoTrialRunning() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study study = Study.open(new StudyDefinition("broken", Direction.MINIMIZE, "v"), SPACE,
                    LambdaSampler.of(context -> { throw new IllegalStateException("no idea"); }), store);
            assertThrows(IllegalStateException.class, () -> study.optimize(t -> 0.0, 1));
            TrialRecord left = store.trials(study.record().id()).get(0);
            assertEquals(TrialState.FAILED, left.state());
            assertEquals("sampler failed: IllegalStateException: no idea", left.error());
        }
    }

    @Test
    void aTimeoutStopsStartingNewTrials() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study study = open(store, "timed", new RandomSampler(1));
            List<TrialRecord> ran = study.optimize(t -> {
                Thread.sleep(30);
                return 0.0;
            }, new Budget(1000, Duration.ofMillis(100)), new InlineTrialRunner(), StudyListener.NONE);
            assertTrue(ran.size() < 1000 && ran.size() >= 1, "stopped by time after " + ran.size() + " trials");
            assertEquals("the timeout passed", study.endReason().orElseThrow());
            assertTrue(study.stopReason().isEmpty(), "a timeout is no failure");
        }
    }

    @Test
    void theListenerHearsEveryReportOfARunningTrialWithItsParams() {
        List<String> heard = new CopyOnWriteArrayList<>();
        StudyListener listener = new StudyListener() {
            @Override
            public void trialReported(TrialRecord trial, int step, Map<String, Double> metrics) {
                heard.add(trial.number() + "@" + step + " x=" + trial.params().containsKey("x") + " " + metrics);
            }
        };
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study study = open(store, "heard", new RandomSampler(1));
            study.optimize(t -> {
                for (int step = 1; step <= 2; step++) t.report(step, Map.of("loss", 1.0 / step));
                return 0.5;
            }, Budget.trials(2), new InlineTrialRunner(), StudyListener.all(StudyListener.NONE, listener));
            assertEquals(List.of("0@1 x=true {loss=1.0}", "0@2 x=true {loss=0.5}", "1@1 x=true {loss=1.0}",
                    "1@2 x=true {loss=0.5}"), heard);
            assertTrue(study.endReason().isEmpty(), "every trial of the budget ran");
        }
    }

    @Test
    void sameSeedSameParams() {
        try (H2StudyStore a = H2StudyStore.inMemory(); H2StudyStore b = H2StudyStore.inMemory()) {
            List<TrialRecord> first = open(a, "s", new RandomSampler(9)).optimize(t -> 0.0, 5);
            List<TrialRecord> second = open(b, "s", new RandomSampler(9)).optimize(t -> 0.0, 5);
            assertEquals(first.stream().map(TrialRecord::params).toList(),
                    second.stream().map(TrialRecord::params).toList());
        }
    }

    private static Study open(H2StudyStore store, String name, RandomSampler sampler) {
        return Study.open(new StudyDefinition(name, Direction.MINIMIZE, "v"), SPACE, sampler, store);
    }
}
