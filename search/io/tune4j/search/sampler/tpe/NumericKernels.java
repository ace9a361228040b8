package io.tune4j.search.sampler.tpe;

import io.tune4j.search.space.IntParameter;
import io.tune4j.search.space.Parameter;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Gaussians truncated to the unit interval, one per observation plus a wide prior at the centre. A float
 * parameter's density is the Gaussian's; an integer's is the mass the Gaussian puts on the integer's whole
 * cell, so neighbouring integers are not treated as unrelated values.
 */
final class NumericKernels implements Kernels {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    /** Where the prior sits and how wide it is, on the unit interval. */
    private static final double PRIOR_MU = 0.5;
    private static final double PRIOR_SIGMA = 1.0;
    private static final int MAX_REJECTIONS = 64;
    private static final double JOINT_BANDWIDTH = 0.1;

    private final IntParameter integer;
    private final double[] mus;
    private final double[] sigmas;
    private final double[] logNormalizers;
    /** Per component: log(1 / (sigma sqrt(2 pi) Z)), the float density's constant part. */
    private final double[] logConstants;

    /**
     * {@code coordinates}: the observations' positions. {@code jointDimensions}: the number of numeric
     * parameters modelled jointly, 0 for a parameter on its own (the bandwidth rules differ, see below).
     */
    NumericKernels(Parameter parameter, double[] coordinates, int jointDimensions) {
        this.integer = parameter instanceof IntParameter i ? i : null;
        int n = coordinates.length;
        mus = Arrays.copyOf(coordinates, n + 1);
        mus[n] = PRIOR_MU;
        sigmas = new double[n + 1];
        double minSigma = 1.0 / Math.min(100, n + 1);
        if (jointDimensions > 0) {
            // Scott's rule, as Optuna's multivariate TPE, with half Optuna's magnitude (0.1, not 0.2): measured
            // by `bench samplers` over 20 seeds it cut the median regret by 2 to 6 times on Branin, Hartmann6 and
            // the mixed space, and a little on Rosenbrock.
            double scott = JOINT_BANDWIDTH * Math.pow(Math.max(n, 1), -1.0 / (jointDimensions + 4));
            Arrays.fill(sigmas, 0, n, clip(scott, minSigma));
        } else {
            neighbourBandwidths(coordinates, minSigma);
        }
        sigmas[n] = PRIOR_SIGMA;
        logNormalizers = new double[n + 1];
        logConstants = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            logNormalizers[k] = Math.log(mass(k, 0, 1));
            logConstants[k] = -LOG_SQRT_2PI - Math.log(sigmas[k]) - logNormalizers[k];
        }
    }

    /** Each kernel as wide as the larger gap to its neighbours (the prior's centre and the ends count). */
    private void neighbourBandwidths(double[] coordinates, double minSigma) {
        int n = coordinates.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(coordinates[a], coordinates[b]));
        double[] sorted = new double[n + 3];
        sorted[0] = 0;
        for (int i = 0; i < n; i++) sorted[i + 1] = coordinates[order[i]];
        sorted[n + 1] = PRIOR_MU;
        sorted[n + 2] = 1;
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            double x = coordinates[i];
            int at = Arrays.binarySearch(sorted, x);
            double left = x - sorted[Math.max(at - 1, 0)];
            double right = sorted[Math.min(at + 1, sorted.length - 1)] - x;
            sigmas[i] = clip(Math.max(left, right), minSigma);
        }
    }

    private static double clip(double sigma, double minSigma) {
        return Math.min(Math.max(sigma, minSigma), PRIOR_SIGMA);
    }

    int components() {
        return mus.length;
    }

    @Override
    public double sample(int component, RandomGenerator random) {
        double mu = mus[component];
        double sigma = sigmas[component];
        double x = Double.NaN;
        for (int attempt = 0; attempt < MAX_REJECTIONS && !(x >= 0 && x < 1); attempt++) {
            x = mu + sigma * random.nextGaussian();
        }
        if (!(x >= 0 && x < 1)) x = Math.min(Math.max(mu, 0), Math.nextDown(1.0));
        return integer == null ? x : integer.toUnit(integer.fromUnit(x));
    }

    @Override
    public void addLogDensities(double coordinate, double[] sums) {
        if (integer != null) {
            double[] cell = integer.unitCell((Integer) integer.fromUnit(coordinate));
            double from = Math.max(cell[0], 0);
            double to = Math.min(cell[1], 1);
            for (int k = 0; k < sums.length; k++) sums[k] += Math.log(mass(k, from, to)) - logNormalizers[k];
            return;
        }
        for (int k = 0; k < sums.length; k++) {
            double z = (coordinate - mus[k]) / sigmas[k];
            sums[k] += logConstants[k] - 0.5 * z * z;
        }
    }

    /** The probability a component's untruncated Gaussian gives to [from, to]. */
    private double mass(int component, double from, double to) {
        double sigma = sigmas[component];
        return FastErfc.normalMass((from - mus[component]) / sigma, (to - mus[component]) / sigma);
    }
}
