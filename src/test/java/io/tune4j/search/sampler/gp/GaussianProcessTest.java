package io.tune4j.search.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The GP's posterior, its expected improvement and its fitted length scales, against closed forms. */
class GaussianProcessTest {

    @Test
    void posteriorMeanAndVarianceMatchTheClosedFormOnTwoPoints() {
        Matern52Kernel kernel = new Matern52Kernel(new double[] {0.7}, 1.3);
        double noise = 0.01;
        double[][] inputs = {{0.2}, {0.9}};
        double[] targets = {1.0, -0.5};
        GaussianProcess process = new GaussianProcess(inputs, targets, kernel, noise);

        // Worked out by hand: K = [[a, b], [b, a]] with a = s + noise, b = k(0.2, 0.9); its inverse is
        // [[a, -b], [-b, a]] / (a² - b²). At x: mean = k*ᵀ K⁻¹ y, variance = s - k*ᵀ K⁻¹ k*.
        double x = 0.4;
        double s = 1.3;
        double a = s + noise;
        double b = matern(0.7, 1.3, 0.7);
        double k1 = matern(0.2, 1.3, 0.7);
        double k2 = matern(0.5, 1.3, 0.7);
        double det = a * a - b * b;
        double w1 = (a * k1 - b * k2) / det;
        double w2 = (-b * k1 + a * k2) / det;
        double mean = w1 * targets[0] + w2 * targets[1];
        double variance = s - (w1 * k1 + w2 * k2);

        double[] posterior = process.posterior(new double[] {x});
        assertEquals(mean, posterior[0], 1e-10);
        assertEquals(Math.sqrt(variance), posterior[1], 1e-10);
    }

    @Test
    void expectedImprovementIsZeroWhereThereIsNoUncertaintyAndNoImprovement() {
        assertEquals(0.0, ExpectedImprovement.value(0.5, 0, 0.2));
        assertEquals(Double.NEGATIVE_INFINITY, ExpectedImprovement.log(0.5, 0, 0.2));
        assertEquals(0.3, ExpectedImprovement.value(-0.1, 0, 0.2), 1e-12, "a sure improvement is its size");
        // Closed form at z = 0: EI = sd * phi(0).
        assertEquals(2 / Math.sqrt(2 * Math.PI), ExpectedImprovement.value(1, 2, 1), 1e-12);

        // At an observed point of a (nearly) noiseless GP the variance vanishes: no improvement expected there.
        GaussianProcess process = new GaussianProcess(new double[][] {{0.1}, {0.6}}, new double[] {0.0, 1.0},
                new Matern52Kernel(new double[] {0.3}, 1.0), 1e-10);
        double[] atWorse = process.posterior(new double[] {0.6});
        assertTrue(atWorse[1] < 1e-4, "sd at an observed point " + atWorse[1]);
        assertTrue(ExpectedImprovement.value(atWorse[0], atWorse[1], 0.0) < 1e-12);
    }

    @Test
    void logExpectedImprovementStaysFiniteAndContinuousFarFromTheIncumbent() {
        for (double z : new double[] {-1, -5.9, -6.1, -20}) {
            double log = ExpectedImprovement.log(-z, 1, 0);
            assertTrue(Double.isFinite(log), "z = " + z);
            if (z > -7) assertEquals(Math.log(ExpectedImprovement.value(-z, 1, 0)), log, 0.02, "z = " + z);
        }
        assertTrue(ExpectedImprovement.log(40, 1, 0) > ExpectedImprovement.log(41, 1, 0), "still ordered at z = -40");
    }

    @Test
    void anInputTheFunctionIgnoresGetsALongLengthScale() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 30;
        double[][] inputs = new double[n][];
        double[] targets = new double[n];
        for (int i = 0; i < n; i++) {
            inputs[i] = new double[] {random.nextDouble(), random.nextDouble()};
            targets[i] = Math.sin(6 * inputs[i][0]);
        }
        double[] lengths = new HyperparameterFit(inputs, targets, 60).fit().kernel().lengthScales();
        assertTrue(lengths[1] > 3 * lengths[0], "length scales " + lengths[0] + ", " + lengths[1]);
    }

    private static double matern(double distance, double variance, double length) {
        double r = distance / length;
        return variance * (1 + Math.sqrt(5) * r + 5 * r * r / 3) * Math.exp(-Math.sqrt(5) * r);
    }
}
