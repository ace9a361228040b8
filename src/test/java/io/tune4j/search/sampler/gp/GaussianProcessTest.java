package io.tune4j.search.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.space.SearchSpace;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {
    private static final double SIGNAL = 1.3;
    private static final double NOISE = 0.01;
    private static final double LAMBDA = 4.0;

    /** Matérn-5/2 written out independently of the production code. */
    private static double matern(double a, double b) {
        double r = Math.sqrt(LAMBDA) * Math.abs(a - b);
        return SIGNAL * (1 + Math.sqrt(5) * r + 5 * r * r / 3) * Math.exp(-Math.sqrt(5) * r);
    }

    private static GaussianProcess oneDimensional(double noise, double[] xs, double[] ys) {
        double[][] inputs = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) inputs[i] = new double[] {xs[i]};
        return new GaussianProcess(new Matern52Kernel(new int[] {0}),
                new KernelParameters(new double[] {LAMBDA}, SIGNAL, noise), inputs, ys);
    }

    @Test
    void posteriorMeanAndVarianceMatchTheClosedFormOnTwoPoints() {
        double x1 = 0.2;
        double x2 = 0.7;
        double y1 = 1.0;
        double y2 = -0.5;
        GaussianProcess gp = oneDimensional(NOISE, new double[] {x1, x2}, new double[] {y1, y2});

        // K = [[a, b], [b, a]] has the inverse [[a, -b], [-b, a]] / (a^2 - b^2).
        double a = SIGNAL + NOISE;
        double b = matern(x1, x2);
        double det = a * a - b * b;
        for (double x : new double[] {0.0, 0.2, 0.45, 0.9, 1.0}) {
            double k1 = matern(x, x1);
            double k2 = matern(x, x2);
            double w1 = (a * k1 - b * k2) / det;
            double w2 = (-b * k1 + a * k2) / det;
            double mean = w1 * y1 + w2 * y2;
            double variance = SIGNAL - (w1 * k1 + w2 * k2);
            GaussianProcess.Prediction prediction = gp.predict(new double[] {x});
            assertEquals(mean, prediction.mean(), 1e-12, "mean at " + x);
            assertEquals(variance, prediction.variance(), 1e-12, "variance at " + x);
        }
        double logLikelihood = -0.5 * (y1 * (a * y1 - b * y2) + y2 * (-b * y1 + a * y2)) / det
                - 0.5 * Math.log(det) - Math.log(2 * Math.PI);
        assertEquals(logLikelihood, gp.logMarginalLikelihood(), 1e-12);
    }

    @Test
    void posteriorGradientsMatchFiniteDifferences() {
        GaussianProcess gp = oneDimensional(NOISE, new double[] {0.1, 0.35, 0.8}, new double[] {0.3, -1.2, 0.9});
        double[] meanGradient = new double[1];
        double[] varianceGradient = new double[1];
        double h = 1e-6;
        for (double x : new double[] {0.05, 0.3, 0.6}) {
            gp.predictWithGradient(new double[] {x}, meanGradient, varianceGradient);
            GaussianProcess.Prediction up = gp.predict(new double[] {x + h});
            GaussianProcess.Prediction down = gp.predict(new double[] {x - h});
            assertEquals((up.mean() - down.mean()) / (2 * h), meanGradient[0], 1e-6);
            assertEquals((up.variance() - down.variance()) / (2 * h), varianceGradient[0], 1e-6);
        }
    }

    @Test
    void expectedImprovementIsZeroAtObservedPointsOfANoiselessModel() {
        SearchSpace space = SearchSpace.builder().uniform("x", 0, 1).build();
        InputEncoding encoding = new InputEncoding(space);
        double[] xs = {0.1, 0.5, 0.9};
        double[] ys = {0.4, -1.0, 0.6};
        GaussianProcess gp = oneDimensional(0.0, xs, ys);
        Acquisition acquisition = new Acquisition(gp, encoding, -1.0);
        for (double x : xs) {
            assertEquals(0.0, gp.predict(new double[] {x}).variance(), 1e-12);
            double ei = Math.exp(acquisition.value(new double[] {x}));
            assertTrue(ei < 1e-8, "EI at observed " + x + " = " + ei);
        }
        // Between the observations the model is unsure, so improvement is possible.
        assertTrue(Math.exp(acquisition.value(new double[] {0.3})) > 1e-3);
        assertEquals(Double.NEGATIVE_INFINITY, LogExpectedImprovement.value(-1.0, 0.0, -1.0));
        assertEquals(Double.NEGATIVE_INFINITY, LogExpectedImprovement.value(0.4, 0.0, -1.0));
        assertEquals(Math.log(0.5), LogExpectedImprovement.value(-1.5, 0.0, -1.0), 1e-15);
    }
}
