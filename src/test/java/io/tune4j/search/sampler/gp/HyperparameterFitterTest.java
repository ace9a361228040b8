package io.tune4j.search.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HyperparameterFitterTest {

    private static double[][] randomInputs(int n, int d, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = random.nextDouble();
        return x;
    }

    private static double[] standardize(double[] y) {
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
        return java.util.Arrays.stream(y).map(v -> (v - mean) / sd).toArray();
    }

    @Test
    void analyticGradientMatchesFiniteDifferences() {
        double[][] x = randomInputs(15, 3, 1);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) y[i] = Math.sin(5 * x[i][0]) + x[i][1] * x[i][2];
        y = standardize(y);
        Matern52Kernel kernel = new Matern52Kernel(new int[] {0, 1, 2});
        HyperparameterFitter fitter = new HyperparameterFitter(kernel, 3, false, 10);
        HyperparameterFitter.PairDistances distances = new HyperparameterFitter.PairDistances(x, kernel);
        double[] theta = {0.3, -1.0, 1.5, 0.2, Math.log(0.05)};
        double[] gradient = new double[theta.length];
        fitter.negativeLogPosterior(theta, gradient, x, y, distances);
        double h = 1e-6;
        for (int t = 0; t < theta.length; t++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[t] += h;
            down[t] -= h;
            double[] ignored = new double[theta.length];
            double numeric = (fitter.negativeLogPosterior(up, ignored, x, y, distances)
                    - fitter.negativeLogPosterior(down, ignored, x, y, distances)) / (2 * h);
            assertEquals(numeric, gradient[t], 1e-5 * Math.max(1, Math.abs(numeric)), "theta[" + t + "]");
        }
    }

    @Test
    void anInputTheFunctionIgnoresGetsALongLengthScale() {
        double[][] x = randomInputs(40, 2, 7);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) y[i] = Math.sin(6 * x[i][0]);
        Matern52Kernel kernel = new Matern52Kernel(new int[] {0, 1});
        HyperparameterFitter fitter = new HyperparameterFitter(kernel, 2, false, 200);
        KernelParameters fitted = fitter.fit(x, standardize(y), fitter.initial());
        assertTrue(fitted.lengthScale(1) > 5 * fitted.lengthScale(0), fitted.toString());
        assertTrue(fitted.lengthScale(1) > 1, fitted.toString());
        assertTrue(fitted.noiseVariance() < 0.01, "a noiseless function is fitted with little noise: " + fitted);
    }

    @Test
    void aFitFromThePreviousOptimumStaysThere() {
        double[][] x = randomInputs(30, 2, 3);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) y[i] = Math.cos(4 * x[i][0]) + 2 * x[i][1];
        y = standardize(y);
        Matern52Kernel kernel = new Matern52Kernel(new int[] {0, 1});
        HyperparameterFitter fitter = new HyperparameterFitter(kernel, 2, false, 200);
        KernelParameters cold = fitter.fit(x, y, fitter.initial());
        KernelParameters warm = fitter.fit(x, y, cold);
        assertEquals(cold.lengthScale(0), warm.lengthScale(0), 0.02 * cold.lengthScale(0));
        assertEquals(cold.lengthScale(1), warm.lengthScale(1), 0.02 * cold.lengthScale(1));
    }
}
