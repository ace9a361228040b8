package io.tune4j.search.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

class LogExpectedImprovementTest {
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    @Test
    void matchesTheTextbookFormulaWhereThatIsAccurate() {
        for (double z = -5; z <= 5; z += 0.25) {
            double h = NORMAL.density(z) + z * NORMAL.cumulativeProbability(z);
            assertEquals(Math.log(h), LogExpectedImprovement.logH(z), 1e-9 * Math.max(1, Math.abs(Math.log(h))),
                    "z = " + z);
        }
        // EI = sigma * h((best - mean) / sigma)
        double sigma = 0.7;
        double z = (0.2 - 0.5) / sigma;
        double ei = sigma * (NORMAL.density(z) + z * NORMAL.cumulativeProbability(z));
        assertEquals(Math.log(ei), LogExpectedImprovement.value(0.5, sigma * sigma, 0.2), 1e-12);
    }

    @Test
    void staysFiniteContinuousAndDecreasingFarFromTheIncumbent() {
        double previous = Double.POSITIVE_INFINITY;
        for (double z = 3; z >= -1e4; z -= Math.max(0.01, Math.abs(z) * 0.01)) {
            double value = LogExpectedImprovement.logH(z);
            assertTrue(Double.isFinite(value), "z = " + z);
            assertTrue(value < previous, "not decreasing at z = " + z);
            previous = value;
        }
        // No jumps where the computation changes method.
        for (double edge : new double[] {-1, -20}) {
            assertEquals(LogExpectedImprovement.logH(edge + 1e-9), LogExpectedImprovement.logH(edge - 1e-9), 1e-7);
        }
        // Far out, h(z) ~ phi(z) / z^2.
        double z = -1e3;
        assertEquals(-0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(-z), LogExpectedImprovement.logH(z),
                1e-5);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        double[] gradient = new double[2];
        double h = 1e-6;
        double[][] cases = {{0.3, 0.5, 0.1}, {2.0, 0.01, -1.0}, {-0.5, 2.0, 0.0}, {5.0, 0.04, 0.0}};
        for (double[] c : cases) {
            double mean = c[0];
            double variance = c[1];
            double best = c[2];
            LogExpectedImprovement.valueAndGradient(mean, variance, best, gradient);
            double dMean = (LogExpectedImprovement.value(mean + h, variance, best)
                    - LogExpectedImprovement.value(mean - h, variance, best)) / (2 * h);
            double dVariance = (LogExpectedImprovement.value(mean, variance + h * variance, best)
                    - LogExpectedImprovement.value(mean, variance - h * variance, best)) / (2 * h * variance);
            assertEquals(dMean, gradient[0], 1e-5 * Math.max(1, Math.abs(dMean)));
            assertEquals(dVariance, gradient[1], 1e-5 * Math.max(1, Math.abs(dVariance)));
        }
    }
}
