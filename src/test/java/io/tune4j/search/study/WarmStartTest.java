package io.tune4j.search.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.sampler.tpe.TpeSampler;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.store.H2StudyStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A study started from another study's finished trials: its sampler begins where that study got to. */
class WarmStartTest {
    private static final SearchSpace OLD = SearchSpace.builder().uniform("x", -10, 10).uniform("y", -10, 10)
            .choice("unused", "a", "b").build();
    private static final SearchSpace NEW = SearchSpace.builder().uniform("x", -10, 10).uniform("y", -10, 10).build();
    private static final StudyDefinition NEW_STUDY = new StudyDefinition("new", Direction.MINIMIZE, "loss");
    private static final int FIRST = 8;

    private static double loss(Trial trial) {
        double x = trial.getDouble("x");
        double y = trial.getDouble("y");
        return (x - 6) * (x - 6) + (y + 6) * (y + 6);
    }

    @Test
    void tpesFirstProposalsMoveToTheGoodRegionOfTheWarmStart() {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study old = Study.open(new StudyDefinition("old", Direction.MINIMIZE, "loss"), OLD, new RandomSampler(1), store);
            old.optimize(WarmStartTest::loss, 60);
            List<TrialRecord> usable = WarmStart.usable(old.record(), store.trials(old.record().id()), NEW_STUDY, NEW);
            assertEquals(60, usable.size());
            assertTrue(usable.stream().noneMatch(t -> t.params().containsKey("unused")), "params of the old space only are dropped");

            double cold = meanLossOfFirst(store, "cold", List.of());
            double warm = meanLossOfFirst(store, "warm", usable);
            // The good region, (6, -6), is a corner: trials spread over the square average a loss of about 140.
            assertTrue(warm < cold / 3, "warm-started TPE starts near the old study's best: warm " + warm + ", cold " + cold);
            Study warmStudy = Study.open(new StudyDefinition("warm", Direction.MINIMIZE, "loss"), NEW, new TpeSampler(4), store);
            assertEquals(FIRST, warmStudy.finishedTrials().size(), "the warm-start trials are not this study's");
        }
    }

    private static double meanLossOfFirst(H2StudyStore store, String name, List<TrialRecord> warmStart) {
        Study study = Study.open(new StudyDefinition(name, Direction.MINIMIZE, "loss"), NEW, new TpeSampler(4), store);
        study.warmStart(warmStart);
        return study.optimize(WarmStartTest::loss, FIRST).stream().mapToDouble(TrialRecord::value).average().orElseThrow();
    }

    @Test
    void trialsOutsideTheNewSpaceOrUnfinishedAreIgnoredAndAnotherDirectionIsRefused() {
        SearchSpace narrow = SearchSpace.builder().uniform("x", 0, 10).uniform("y", -10, 10).build();
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            Study old = Study.open(new StudyDefinition("old", Direction.MINIMIZE, "loss"), OLD, new RandomSampler(2), store);
            old.optimize(trial -> trial.getDouble("x") < -5 ? Double.NaN : loss(trial), 40);
            List<TrialRecord> trials = store.trials(old.record().id());
            List<TrialRecord> usable = WarmStart.usable(old.record(), trials, NEW_STUDY, narrow);
            long expected = trials.stream().filter(t -> t.state() == TrialState.COMPLETE)
                    .filter(t -> (double) t.params().get("x") >= 0).count();
            assertEquals(expected, usable.size());
            assertTrue(expected > 0 && expected < 40);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> WarmStart.usable(
                    old.record(), trials, new StudyDefinition("up", Direction.MAXIMIZE, "loss"), NEW));
            assertEquals("study 'old' is judged by loss (minimize), this one by loss (maximize): its values cannot"
                    + " warm-start it", refused.getMessage());
        }
    }
}
