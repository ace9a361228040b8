package io.tune4j.search.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The split and the densities, checked against numbers worked out by hand. */
class TpeModelTest {

    @Test
    void theBestTenthRoundedUpIsGoodAndPrunedAndRunningTrialsAreBad() {
        List<TrialRecord> history = List.of(complete(0, 3), complete(1, 1), failed(2), complete(3, 4),
                complete(4, 1.5), pruned(5), complete(6, 9));
        // 5 completed trials: gamma = ceil(0.2 * 5) = 1 good trial.
        GoodBadSplit minimize = GoodBadSplit.of(history, List.of(Map.of("x", 0.5)), Direction.MINIMIZE, true);
        assertEquals(List.of(1), numbers(minimize.good()));
        // The failed trial is no observation; the pruned one and the running one (constant liar) are bad,
        // the running one last, as the newest.
        assertEquals(List.of(0, 3, 4, 5, 6, Integer.MAX_VALUE), numbers(minimize.bad()));

        GoodBadSplit maximize = GoodBadSplit.of(history, List.of(Map.of("x", 0.5)), Direction.MAXIMIZE, false);
        assertEquals(List.of(6), numbers(maximize.good()));
        assertEquals(List.of(0, 1, 3, 4, 5), numbers(maximize.bad()), "without constant liar, running trials are ignored");
        assertEquals(3, GoodBadSplit.gamma(11));
        assertEquals(25, GoodBadSplit.gamma(1000));
    }

    @Test
    void anInfeasibleTrialIsBadWhereAnOtherwiseFailedOneIsNoObservation() {
        TrialRecord infeasible = new TrialRecord(2, 2, TrialState.FAILED, Map.of("x", 0.0), null, 2, null, null, "t",
                "cpu", "kernel larger than input", Map.of(TrialRecord.INFEASIBLE, "true"));
        GoodBadSplit split = GoodBadSplit.of(List.of(complete(0, 3), complete(1, 1), infeasible, failed(3)), List.of(),
                Direction.MINIMIZE, false);
        assertEquals(List.of(1), numbers(split.good()));
        assertEquals(List.of(0, 2), numbers(split.bad()));
    }

    @Test
    void olderObservationsWeighLessOnceThereAreMoreThan25() {
        assertEquals(List.of(1.0, 1.0, 1.0), boxed(ObservationWeights.of(3)));
        double[] weights = ObservationWeights.of(28);
        // 3 ramped weights from 1/28 up to 1, then 25 at full weight.
        assertEquals(1.0 / 28, weights[0], 1e-12);
        assertEquals((1.0 / 28 + 1) / 2, weights[1], 1e-12);
        assertEquals(1.0, weights[2], 1e-12);
        assertEquals(1.0, weights[27], 1e-12);
    }

    @Test
    void aNumericDensityIsTheWeightedTruncatedGaussiansOfTheObservationAndThePrior() {
        SearchSpace space = SearchSpace.builder().uniform("x", 0, 10).build();
        ParzenEstimator estimator = new ParzenEstimator(space.parameters(),
                List.of(new Observation(0, Map.of("x", 3.0))), TpeOptions.DEFAULTS);
        // One observation at unit 0.3. Its bandwidth is the minimum 1 / (n + 1) = 0.5 (Scott's rule would give
        // 0.1). Its Gaussian truncated to [0, 1] has mass Phi(1.4) - Phi(-0.6) = 0.91924 - 0.27425 = 0.64499,
        // so its density at 0.3 is 0.398942 / 0.5 / 0.64499 = 1.23705. The prior N(0.5, 1) truncated: mass
        // Phi(0.5) - Phi(-0.5) = 0.382925, density at 0.3 is phi(-0.2) / 0.382925 = 0.391043 / 0.382925
        // = 1.021200. Weights 1 and 1 (the prior weight) halve each: 0.5 * 1.23705 + 0.5 * 1.02120 = 1.129125.
        assertEquals(Math.log(1.129125), estimator.logDensity(new double[] {0.3}), 1e-4);
    }

    @Test
    void aCategoricalDensityLeansToTheObservedChoiceAndKeepsTheOthersReachable() {
        SearchSpace space = SearchSpace.builder().choice("optimizer", "sgd", "adam", "rmsprop").build();
        ParzenEstimator estimator = new ParzenEstimator(space.parameters(),
                List.of(new Observation(0, Map.of("optimizer", "sgd"))), TpeOptions.DEFAULTS);
        // The observation's kernel: spread 1 / (n + 1) = 0.5 on each choice, plus 1 on sgd, normalized by 2.5:
        // sgd 0.6, others 0.2. The prior: 1/3 each. Half and half: sgd 0.4667, adam 0.2667.
        assertEquals(Math.log(0.5 * 0.6 + 0.5 / 3), estimator.logDensity(new double[] {0}), 1e-9);
        assertEquals(Math.log(0.5 * 0.2 + 0.5 / 3), estimator.logDensity(new double[] {1}), 1e-9);
    }

    @Test
    void anIntegerGetsTheMassOfItsWholeCell() {
        SearchSpace space = SearchSpace.builder().integer("layers", 1, 4).build();
        ParzenEstimator estimator = new ParzenEstimator(space.parameters(), List.of(), TpeOptions.DEFAULTS);
        // No observation: only the prior, whose cells (4 of width 0.25) must share all the mass (to the 1e-7
        // of the fast erfc).
        double total = 0;
        for (int layers = 1; layers <= 4; layers++) {
            total += Math.exp(estimator.logDensity(new double[] {space.parameters().get(0).toUnit(layers)}));
        }
        assertEquals(1.0, total, 1e-6);
    }

    private static List<Integer> numbers(List<Observation> observations) {
        return observations.stream().map(Observation::number).toList();
    }

    private static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    static TrialRecord complete(int number, double value) {
        return new TrialRecord(number, number, TrialState.COMPLETE, Map.of("x", (double) number), value, number,
                null, null, "t", "cpu", null, Map.of());
    }

    private static TrialRecord failed(int number) {
        return new TrialRecord(number, number, TrialState.FAILED, Map.of("x", 0.0), null, number, null, null, "t",
                "cpu", "boom", Map.of());
    }

    private static TrialRecord pruned(int number) {
        return new TrialRecord(number, number, TrialState.PRUNED, Map.of("x", 0.0), null, number, null, null, "t",
                "cpu", null, Map.of());
    }
}
