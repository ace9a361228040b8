package io.tune4j.search.sampler.gp;

import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Chooses the kernel's hyperparameters by maximizing log marginal likelihood plus a log prior (a MAP
 * estimate), with analytic gradients. The priors are the ones Optuna's GP sampler settled on for standardized
 * values on the unit cube: on each inverse squared length scale lambda, -(0.1/lambda + 0.1 lambda), which keeps
 * length scales from collapsing to zero or running off to infinity on a few points; Gamma(2, 1) on the signal
 * variance; Gamma(1.1, 30) on the noise variance, which favours small noise without forcing an exact fit.
 *
 * <p>The search runs over log-values in a box (so every value stays positive and the covariance stays
 * factorizable) and starts from the previous fit: one more observation moves the optimum a little, so a warm
 * start converges in a few steps.
 */
final class HyperparameterFitter {
    /** Jitter below which noise is never fitted: it keeps the covariance factorizable with duplicate inputs. */
    static final double MINIMUM_NOISE = 1e-6;
    private static final double INITIAL_NOISE = 1e-2;
    private static final double LOG_LAMBDA_LOW = Math.log(1e-4);
    private static final double LOG_LAMBDA_HIGH = Math.log(1e4);
    private static final double LOG_SIGNAL_LOW = Math.log(1e-3);
    private static final double LOG_SIGNAL_HIGH = Math.log(1e2);
    private static final double LOG_NOISE_LOW = Math.log(1e-9);
    private static final double LOG_NOISE_HIGH = Math.log(1.0);

    private final Matern52Kernel kernel;
    private final int groups;
    private final boolean fitNoise;
    private final ProjectedGradientMinimizer minimizer;

    /**
     * @param deterministic true when the objective returns the same value for the same params: noise stays at
     *     {@link #MINIMUM_NOISE} instead of being fitted
     */
    HyperparameterFitter(Matern52Kernel kernel, int groups, boolean deterministic, int maxIterations) {
        this.kernel = kernel;
        this.groups = groups;
        this.fitNoise = !deterministic;
        this.minimizer = new ProjectedGradientMinimizer(maxIterations, 1e-2);
    }

    /** The prior's centre, where a first fit starts. */
    KernelParameters initial() {
        return KernelParameters.initial(groups, fitNoise ? INITIAL_NOISE : MINIMUM_NOISE);
    }

    /** The MAP hyperparameters for inputs {@code x} and standardized targets {@code y}, searched from {@code start}. */
    KernelParameters fit(double[][] x, double[] y, KernelParameters start) {
        PairDistances distances = new PairDistances(x, kernel);
        double[] lower = new double[dimensions()];
        double[] upper = new double[dimensions()];
        for (int g = 0; g < groups; g++) {
            lower[g] = LOG_LAMBDA_LOW;
            upper[g] = LOG_LAMBDA_HIGH;
        }
        lower[groups] = LOG_SIGNAL_LOW;
        upper[groups] = LOG_SIGNAL_HIGH;
        if (fitNoise) {
            lower[groups + 1] = LOG_NOISE_LOW;
            upper[groups + 1] = LOG_NOISE_HIGH;
        }
        ProjectedGradientMinimizer.Result result = minimizer.minimize(
                (theta, gradient) -> negativeLogPosterior(theta, gradient, x, y, distances), encode(start), lower, upper);
        if (!Double.isFinite(result.value())) {
            result = minimizer.minimize((theta, gradient) -> negativeLogPosterior(theta, gradient, x, y, distances),
                    encode(initial()), lower, upper);
        }
        return Double.isFinite(result.value()) ? decode(result.point()) : initial();
    }

    private int dimensions() {
        return groups + (fitNoise ? 2 : 1);
    }

    private double[] encode(KernelParameters parameters) {
        double[] theta = new double[dimensions()];
        for (int g = 0; g < groups; g++) theta[g] = Math.log(parameters.inverseSquaredLengthScale(g));
        theta[groups] = Math.log(parameters.signalVariance());
        if (fitNoise) theta[groups + 1] = Math.log(Math.max(1e-9, parameters.noiseVariance() - MINIMUM_NOISE));
        return theta;
    }

    KernelParameters decode(double[] theta) {
        double[] lambda = new double[groups];
        for (int g = 0; g < groups; g++) lambda[g] = Math.exp(theta[g]);
        double noise = MINIMUM_NOISE + (fitNoise ? Math.exp(theta[groups + 1]) : 0);
        return new KernelParameters(lambda, Math.exp(theta[groups]), noise);
    }

    /**
     * -(log p(y | theta) + log prior(theta)) and its gradient by theta. With W = alpha alpha^T - K^-1, the
     * likelihood's derivative by any hyperparameter t is tr(W dK/dt) / 2.
     */
    double negativeLogPosterior(double[] theta, double[] gradient, double[][] x, double[] y, PairDistances distances) {
        KernelParameters parameters = decode(theta);
        GaussianProcess gp;
        try {
            gp = new GaussianProcess(kernel, parameters, x, y);
        } catch (MathIllegalArgumentException notPositiveDefinite) {
            return Double.POSITIVE_INFINITY;
        }
        double[] alpha = gp.alpha();
        double[][] inverse = gp.inverseCovariance().getData();
        int n = y.length;
        double signal = parameters.signalVariance();
        double[] lambda = new double[groups];
        for (int g = 0; g < groups; g++) lambda[g] = parameters.inverseSquaredLengthScale(g);

        double[] likelihoodGradient = new double[dimensions()];
        double trace = 0;
        double signalTerm = 0;
        for (int i = 0; i < n; i++) {
            double wii = alpha[i] * alpha[i] - inverse[i][i];
            trace += wii;
            signalTerm += wii * signal;
            for (int j = 0; j < i; j++) {
                double wij = alpha[i] * alpha[j] - inverse[i][j];
                double r2 = distances.weighted(i, j, lambda);
                signalTerm += 2 * wij * signal * Matern52Kernel.shape(r2);
                // Each off-diagonal pair appears twice in the trace, hence no 1/2 below.
                double common = wij * signal * Matern52Kernel.shapeSlope(r2);
                for (int g = 0; g < groups; g++) likelihoodGradient[g] += common * distances.get(g, i, j) * lambda[g];
            }
        }
        likelihoodGradient[groups] = 0.5 * signalTerm;
        if (fitNoise) likelihoodGradient[groups + 1] = 0.5 * trace * (parameters.noiseVariance() - MINIMUM_NOISE);

        double logPrior = 0;
        double[] priorGradient = new double[dimensions()];
        for (int g = 0; g < groups; g++) {
            logPrior -= 0.1 / lambda[g] + 0.1 * lambda[g];
            priorGradient[g] = 0.1 / lambda[g] - 0.1 * lambda[g];
        }
        logPrior += Math.log(signal) - signal;
        priorGradient[groups] = 1 - signal;
        if (fitNoise) {
            double noise = parameters.noiseVariance();
            logPrior += 0.1 * Math.log(noise) - 30 * noise;
            priorGradient[groups + 1] = (0.1 / noise - 30) * (noise - MINIMUM_NOISE);
        }
        for (int t = 0; t < gradient.length; t++) gradient[t] = -(likelihoodGradient[t] + priorGradient[t]);
        return -(gp.logMarginalLikelihood() + logPrior);
    }

    /** Per-group squared differences of every pair of inputs, computed once per fit rather than per step. */
    static final class PairDistances {
        private final double[][] byGroup;
        private final int groups;

        PairDistances(double[][] x, Matern52Kernel kernel) {
            int n = x.length;
            int groupCount = 0;
            for (int f = 0; f < kernel.features(); f++) groupCount = Math.max(groupCount, kernel.groupOf(f) + 1);
            this.groups = groupCount;
            this.byGroup = new double[n * (n - 1) / 2][groupCount];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    double[] pair = byGroup[index(i, j)];
                    for (int f = 0; f < kernel.features(); f++) {
                        double d = x[i][f] - x[j][f];
                        pair[kernel.groupOf(f)] += d * d;
                    }
                }
            }
        }

        private static int index(int i, int j) {
            return i * (i - 1) / 2 + j;
        }

        double get(int g, int i, int j) {
            return byGroup[index(i, j)][g];
        }

        double weighted(int i, int j, double[] lambda) {
            double[] pair = byGroup[index(i, j)];
            double sum = 0;
            for (int g = 0; g < groups; g++) sum += lambda[g] * pair[g];
            return sum;
        }
    }
}
