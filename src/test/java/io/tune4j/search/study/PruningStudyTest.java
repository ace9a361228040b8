package io.tune4j.search.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.pruner.SuccessiveHalvingPruner;
import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.store.H2StudyStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pruning through the engine and the real H2 store: who is stopped, what is recorded, what a restart reads. */
class PruningStudyTest {
    private static final SearchSpace SPACE = SearchSpace.builder().uniform("x", 0, 1).build();
    private static final int EPOCHS = 9;

    /** Trial n learns towards quality[n]: its score at epoch e is quality * e / (e + 1). */
    private static Objective learning(double... quality) {
        return trial -> {
            double q = quality[trial.number()];
            double score = 0;
            for (int epoch = 1; epoch <= EPOCHS; epoch++) {
                score = q * epoch / (epoch + 1.0);
                trial.report(epoch, Map.of("score", score, "loss", 1 - score));
                if (trial.shouldPrune()) throw new TrialPrunedException(epoch);
            }
            return score;
        };
    }

    private static Study open(H2StudyStore store) {
        return Study.open(new StudyDefinition("asha", Direction.MAXIMIZE, "score"), SPACE,
                new RandomSampler(1), new SuccessiveHalvingPruner(1, 3), store);
    }

    @Test
    void aTrialThatLosesAtARungIsRecordedPrunedWithItsEpochAndLastValue() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study study = open(store);
            List<TrialRecord> ran = study.optimize(learning(0.9, 0.5, 0.95, 0.3), 4);
            assertEquals(List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.COMPLETE, TrialState.PRUNED),
                    ran.stream().map(TrialRecord::state).toList());
            TrialRecord pruned = ran.get(1);
            assertEquals("1", pruned.attributes().get("pruned_at_epoch"));
            assertEquals(0.25, pruned.value(), 1e-12);
            assertNull(pruned.error());
            assertEquals(1, store.intermediateValues(pruned.id()).stream().mapToInt(IntermediateValue::step).max()
                    .orElseThrow());
            assertEquals(2, study.bestTrial().orElseThrow().number());
            assertFalse(store.topTrials(study.record().id(), 10).stream()
                    .anyMatch(t -> t.state() == TrialState.PRUNED));
        }
    }

    @Test
    void aContinuedStudyPrunesAgainstTheCurvesOfEarlierRuns() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            open(store).optimize(learning(0.9), 1);
            // Alone in a fresh run trial 1 would be promoted (the best at its rung); the curve read back from
            // H2 is what stops it.
            TrialRecord second = open(store).optimize(learning(0.9, 0.5), 1).get(0);
            assertEquals(TrialState.PRUNED, second.state());
            assertEquals("1", second.attributes().get("pruned_at_epoch"));
        }
    }

    @Test
    void withoutAPrunerNoTrialIsStopped() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study study = Study.open(new StudyDefinition("none", Direction.MAXIMIZE, "score"), SPACE,
                    new RandomSampler(1), store);
            assertTrue(study.optimize(learning(0.9, 0.5, 0.95, 0.3), 4).stream()
                    .allMatch(t -> t.state() == TrialState.COMPLETE));
        }
    }
}
