package io.tune4j.search.sampler.tpe;

import java.util.random.RandomGenerator;

/**
 * One distribution over the choices per observation: most mass on the observed choice, a little spread over
 * all (less as observations accumulate); the prior is uniform.
 */
final class CategoricalKernels implements Kernels {
    private final double[][] logProbabilities;

    /** {@code observed}: each observation's choice index. */
    CategoricalKernels(int choices, int[] observed, double priorWeight) {
        int n = observed.length;
        logProbabilities = new double[n + 1][choices];
        double spread = priorWeight / (n + 1);
        for (int k = 0; k < n; k++) {
            double total = 1 + spread * choices;
            for (int c = 0; c < choices; c++) {
                logProbabilities[k][c] = Math.log(((c == observed[k] ? 1 : 0) + spread) / total);
            }
        }
        for (int c = 0; c < choices; c++) logProbabilities[n][c] = -Math.log(choices);
    }

    @Override
    public double sample(int component, RandomGenerator random) {
        double u = random.nextDouble();
        double[] row = logProbabilities[component];
        for (int c = 0; c < row.length - 1; c++) {
            u -= Math.exp(row[c]);
            if (u < 0) return c;
        }
        return row.length - 1;
    }

    @Override
    public void addLogDensities(double coordinate, double[] sums) {
        int choice = (int) coordinate;
        for (int k = 0; k < sums.length; k++) sums[k] += logProbabilities[k][choice];
    }
}
