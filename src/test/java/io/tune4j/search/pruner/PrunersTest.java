package io.tune4j.search.pruner;

import static io.tune4j.search.study.Direction.MAXIMIZE;
import static io.tune4j.search.study.Direction.MINIMIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The pruners on hand-made learning curves: no training, every decision worked out by hand. */
class PrunersTest {
    private int nextNumber = 100;

    /** A curve whose step i+1 holds values[i]. */
    private LearningCurve curve(TrialState state, double... values) {
        return curve(nextNumber++, state, values);
    }

    private static LearningCurve curve(int number, TrialState state, double... values) {
        TreeMap<Integer, Double> byStep = new TreeMap<>();
        for (int i = 0; i < values.length; i++) byStep.put(i + 1, values[i]);
        return new LearningCurve(number, state, byStep);
    }

    @Nested
    class SuccessiveHalving {
        // reduction factor 3, min 1 epoch: rungs at epochs 1, 3, 9, 27
        private final SuccessiveHalvingPruner asha = new SuccessiveHalvingPruner(1, 3);

        @Test
        void rungsSitAtPowersOfTheFactorTimesTheMinimum() {
            assertEquals(List.of(1L, 3L, 9L, 27L),
                    List.of(asha.rungStep(0), asha.rungStep(1), asha.rungStep(2), asha.rungStep(3)));
            assertEquals(List.of(8L, 16L), List.of(new SuccessiveHalvingPruner(2, 2, 2).rungStep(0),
                    new SuccessiveHalvingPruner(2, 2, 2).rungStep(1)));
        }

        @Test
        void theFirstTrialAtARungGoesOnAndAWorseSecondOneStops() {
            LearningCurve first = curve(TrialState.RUNNING, 0.5);
            assertFalse(asha.shouldPrune(first, List.of(), MAXIMIZE));
            // Fewer values at the rung than the factor: only the best so far is promoted (ties go on).
            assertTrue(asha.shouldPrune(curve(TrialState.RUNNING, 0.4), List.of(first), MAXIMIZE));
            assertFalse(asha.shouldPrune(curve(TrialState.RUNNING, 0.5), List.of(first), MAXIMIZE));
            assertFalse(asha.shouldPrune(curve(TrialState.RUNNING, 0.6), List.of(first), MAXIMIZE));
        }

        @Test
        void withSixValuesAtARungTheBestTwoGoOn() {
            List<LearningCurve> others = new ArrayList<>();
            for (double v : new double[] {0.9, 0.8, 0.3, 0.2, 0.1}) others.add(curve(TrialState.COMPLETE, v, v, v));
            // own + 5 others = 6 values; 6 / 3 = 2 promoted: 0.9 and the better of 0.8 and ours
            assertFalse(asha.shouldPrune(curve(TrialState.RUNNING, 0.85), others, MAXIMIZE));
            assertTrue(asha.shouldPrune(curve(TrialState.RUNNING, 0.75), others, MAXIMIZE));
        }

        @Test
        void minimizingPromotesTheLowestValues() {
            List<LearningCurve> others = List.of(curve(TrialState.COMPLETE, 1.0), curve(TrialState.COMPLETE, 2.0),
                    curve(TrialState.PRUNED, 3.0));
            assertFalse(asha.shouldPrune(curve(TrialState.RUNNING, 0.5), others, MINIMIZE));
            assertTrue(asha.shouldPrune(curve(TrialState.RUNNING, 1.5), others, MINIMIZE));
        }

        @Test
        void stepsBetweenRungsNeverPruneAndAPromotionIsNotTakenBack() {
            LearningCurve strong = curve(TrialState.COMPLETE, 0.9, 0.9, 0.9);
            // Promoted alone at epoch 1; by epoch 2 a stronger trial exists, but epoch 2 is no rung.
            LearningCurve early = curve(TrialState.RUNNING, 0.1, 0.1);
            assertFalse(asha.shouldPrune(early, List.of(strong), MAXIMIZE));
        }

        @Test
        void aHigherRungComparesOnlyTrialsThatReachedIt() {
            // At rung 1 (epoch 3) only trials with an epoch-3 value compete: the pruned one stopped at epoch 1.
            LearningCurve stoppedAtRung0 = curve(TrialState.PRUNED, 0.99);
            LearningCurve reached = curve(TrialState.COMPLETE, 0.5, 0.6, 0.7);
            assertFalse(asha.shouldPrune(curve(TrialState.RUNNING, 0.6, 0.7, 0.75), List.of(stoppedAtRung0, reached),
                    MAXIMIZE));
            assertTrue(asha.shouldPrune(curve(TrialState.RUNNING, 0.6, 0.7, 0.65), List.of(stoppedAtRung0, reached),
                    MAXIMIZE));
        }

        @Test
        void aNaNAtARungStops() {
            assertTrue(asha.shouldPrune(curve(TrialState.RUNNING, Double.NaN), List.of(), MAXIMIZE));
        }

        @Test
        void badSettingsAreRefused() {
            assertThrows(IllegalArgumentException.class, () -> new SuccessiveHalvingPruner(0, 3));
            assertThrows(IllegalArgumentException.class, () -> new SuccessiveHalvingPruner(1, 1));
        }
    }

    @Nested
    class Hyperband {
        @Test
        void bracketCountsAndSharesFollowHyperband() {
            HyperbandPruner hyperband = new HyperbandPruner(1, 27, 3, 42);
            assertEquals(4, hyperband.bracketCount());
            // ceil(4 * 3^s / (s + 1)) for s = 3, 2, 1, 0
            assertEquals(List.of(27, 12, 6, 4), List.of(hyperband.share(0), hyperband.share(1), hyperband.share(2),
                    hyperband.share(3)));
            assertEquals(4, new HyperbandPruner(1, 30, 3, 42).bracketCount());
            assertEquals(3, new HyperbandPruner(2, 18, 3, 42).bracketCount());
            assertEquals(1, new HyperbandPruner(5, 5, 3, 42).bracketCount());
            assertThrows(IllegalArgumentException.class, () -> new HyperbandPruner(10, 5, 3, 42));
        }

        @Test
        void trialsAreSpreadOverBracketsByTheirShareReproducibly() {
            HyperbandPruner hyperband = new HyperbandPruner(1, 27, 3, 42);
            int[] counts = new int[4];
            for (int number = 0; number < 49_000; number++) counts[hyperband.bracketOf(number)]++;
            int[] expected = {27_000, 12_000, 6_000, 4_000};
            for (int b = 0; b < 4; b++) assertEquals(expected[b], counts[b], expected[b] * 0.05, "bracket " + b);
            HyperbandPruner again = new HyperbandPruner(1, 27, 3, 42);
            HyperbandPruner otherSeed = new HyperbandPruner(1, 27, 3, 7);
            int differ = 0;
            for (int number = 0; number < 100; number++) {
                assertEquals(hyperband.bracketOf(number), again.bracketOf(number));
                if (hyperband.bracketOf(number) != otherSeed.bracketOf(number)) differ++;
            }
            assertTrue(differ > 20, "another seed should place trials differently, " + differ + " of 100 differ");
        }

        @Test
        void eachBracketPrunesFromItsOwnFirstRungAgainstItsOwnTrials() {
            HyperbandPruner hyperband = new HyperbandPruner(1, 27, 3, 42);
            int inBracket0 = numberIn(hyperband, 0, 0);
            int alsoInBracket0 = numberIn(hyperband, 0, inBracket0 + 1);
            int inBracket1 = numberIn(hyperband, 1, 0);
            int inBracket3 = numberIn(hyperband, 3, 0);
            LearningCurve strong = curve(alsoInBracket0, TrialState.COMPLETE, 0.9, 0.9, 0.9);
            // Bracket 0: first rung at epoch 1, judged against the other bracket-0 trial.
            assertTrue(hyperband.shouldPrune(curve(inBracket0, TrialState.RUNNING, 0.5), List.of(strong), MAXIMIZE));
            // Bracket 1: first rung at epoch 3; the bracket-0 trial is not its competitor.
            assertFalse(hyperband.shouldPrune(curve(inBracket1, TrialState.RUNNING, 0.1, 0.1, 0.1), List.of(strong),
                    MAXIMIZE));
            // Bracket 3: its only rung is epoch 27, the end of training.
            double[] weak = new double[26];
            assertFalse(hyperband.shouldPrune(curve(inBracket3, TrialState.RUNNING, weak), List.of(strong), MAXIMIZE));
        }

        private int numberIn(HyperbandPruner hyperband, int bracket, int from) {
            for (int number = from; ; number++) if (hyperband.bracketOf(number) == bracket) return number;
        }
    }

    @Nested
    class Median {
        private List<LearningCurve> completed(int count) {
            List<LearningCurve> trials = new ArrayList<>();
            for (int i = 0; i < count; i++) trials.add(curve(TrialState.COMPLETE, 0.6, 0.7, 0.8, 0.85));
            return trials;
        }

        @Test
        void aTrialBelowTheMedianOfCompletedTrialsAtItsStepStops() {
            MedianPruner median = new MedianPruner(3, 0);
            List<LearningCurve> others = List.of(curve(TrialState.COMPLETE, 0.5, 0.6),
                    curve(TrialState.COMPLETE, 0.7, 0.8), curve(TrialState.COMPLETE, 0.9, 0.95));
            // median at epoch 2 = 0.8
            assertTrue(median.shouldPrune(curve(TrialState.RUNNING, 0.6, 0.7), others, MAXIMIZE));
            assertFalse(median.shouldPrune(curve(TrialState.RUNNING, 0.6, 0.85), others, MAXIMIZE));
            // judged by its best value so far, not its last one
            assertFalse(median.shouldPrune(curve(TrialState.RUNNING, 0.82, 0.5), others, MAXIMIZE));
        }

        @Test
        void nothingStopsBeforeWarmupTrialsHaveCompleted() {
            MedianPruner median = new MedianPruner(5, 0);
            LearningCurve poor = curve(TrialState.RUNNING, 0.1, 0.1);
            List<LearningCurve> four = new ArrayList<>(completed(4));
            // running and pruned trials do not count toward the warm-up
            four.add(curve(TrialState.RUNNING, 0.9, 0.9));
            four.add(curve(TrialState.PRUNED, 0.9));
            assertFalse(median.shouldPrune(poor, four, MAXIMIZE));
            assertTrue(median.shouldPrune(poor, completed(5), MAXIMIZE));
        }

        @Test
        void nothingStopsDuringTheWarmupEpochs() {
            MedianPruner median = new MedianPruner(1, 2);
            assertFalse(median.shouldPrune(curve(TrialState.RUNNING, 0.1), completed(3), MAXIMIZE));
            assertFalse(median.shouldPrune(curve(TrialState.RUNNING, 0.1, 0.1), completed(3), MAXIMIZE));
            assertTrue(median.shouldPrune(curve(TrialState.RUNNING, 0.1, 0.1, 0.1), completed(3), MAXIMIZE));
        }

        @Test
        void noCompletedTrialReachedTheStepSoNoMedian() {
            MedianPruner median = new MedianPruner(1, 0);
            assertFalse(median.shouldPrune(curve(TrialState.RUNNING, 0.1, 0.1, 0.1, 0.1, 0.1), completed(3), MAXIMIZE));
        }

        @Test
        void minimizingStopsTrialsAboveTheMedian() {
            MedianPruner median = new MedianPruner(1, 0);
            List<LearningCurve> others = List.of(curve(TrialState.COMPLETE, 1.0), curve(TrialState.COMPLETE, 2.0),
                    curve(TrialState.COMPLETE, 3.0));
            assertTrue(median.shouldPrune(curve(TrialState.RUNNING, 2.5), others, MINIMIZE));
            assertFalse(median.shouldPrune(curve(TrialState.RUNNING, 1.5), others, MINIMIZE));
        }
    }

    @Test
    void theNopPrunerNeverStops() {
        assertFalse(new NopPruner().shouldPrune(curve(TrialState.RUNNING, Double.NaN), List.of(), MAXIMIZE));
    }
}
