package io.tune4j.search.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.store.H2StudyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Regret is only meaningful if each function's stated minimum is right: reached at its argmin, never beaten. */
class TestFunctionsTest {

    @Test
    void braninReachesItsMinimumAtEachOfItsThreeMinimizers() {
        Branin branin = new Branin();
        for (double[] x : new double[][] {{-Math.PI, 12.275}, {Math.PI, 2.275}, {9.42478, 2.475}}) {
            assertEquals(branin.minimum(), branin.value(Map.of("x1", x[0], "x2", x[1])), 1e-5);
        }
    }

    @Test
    void hartmann6ReachesItsMinimumAtThePublishedMinimizer() {
        double[] argmin = {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573};
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < 6; i++) params.put("x" + (i + 1), argmin[i]);
        assertEquals(new Hartmann6().minimum(), new Hartmann6().value(params), 1e-4);
    }

    @Test
    void rosenbrockIsZeroAtOnesAndTheMixedFunctionAtItsDocumentedPoint() {
        Rosenbrock rosenbrock = new Rosenbrock(4);
        assertEquals(0, rosenbrock.value(Map.of("x1", 1.0, "x2", 1.0, "x3", 1.0, "x4", 1.0)), 1e-12);
        assertEquals(0, new MixedSpaceFunction().value(Map.of("learning_rate", Math.pow(10, -2.5), "units", 128,
                "layers", 2, "optimizer", "adam", "beta1", 0.95)), 1e-12);
    }

    @Test
    void noPointOfAnySpaceBeatsTheStatedMinimum() {
        SplittableRandom random = new SplittableRandom(7);
        for (String name : TestFunctions.NAMES) {
            TestFunction function = TestFunctions.byName(name);
            for (int i = 0; i < 20_000; i++) {
                double[] point = new double[function.space().dimensions()];
                for (int d = 0; d < point.length; d++) point[d] = random.nextDouble();
                double value = function.value(function.space().fromUnit(point));
                assertTrue(value >= function.minimum() - 1e-9, name + " went below its minimum: " + value);
            }
        }
    }

    @Test
    void aBenchmarkRunRecordsRegretThatNeverIncreases() {
        SamplerBenchmark benchmark = new SamplerBenchmark(H2StudyStore::inMemory);
        SamplerRun run = benchmark.run(new Branin(), new RandomSampler(3), 30);
        assertEquals(30, run.trials());
        for (int i = 1; i < run.trials(); i++) {
            assertTrue(run.regretByTrial()[i] <= run.regretByTrial()[i - 1]);
        }
        assertTrue(run.finalRegret() >= 0 && run.finalRegret() < 20, "30 random points on Branin: " + run.finalRegret());
    }
}
