package io.tune4j.search.sampler.gp;

import java.util.Arrays;

/**
 * Fits the kernel's length scales, its variance and the noise by maximizing the log marginal likelihood plus
 * weak log-normal priors (which keep a fit on few points from running to absurd length scales), with the
 * analytic gradient. Parameters live on the log scale; the ascent adapts its step, growing it after a success
 * and shrinking it after a failure, and stops after a fixed number of likelihood evaluations.
 *
 * <p>Targets are expected standardized (mean 0, variance 1), which is what the priors assume.
 */
final class HyperparameterFit {
    private static final double MIN_LOG_LENGTH = Math.log(0.01);
    private static final double MAX_LOG_LENGTH = Math.log(20);
    private static final double MIN_LOG_VARIANCE = Math.log(0.05);
    private static final double MAX_LOG_VARIANCE = Math.log(20);
    private static final double MIN_LOG_NOISE = Math.log(1e-6);
    private static final double MAX_LOG_NOISE = Math.log(0.5);
    /** Prior centres and widths (standard deviations on the log scale). */
    private static final double LENGTH_CENTRE = Math.log(0.5);
    private static final double LENGTH_WIDTH = 1.5;
    private static final double VARIANCE_WIDTH = 1.0;
    private static final double NOISE_CENTRE = Math.log(1e-4);
    private static final double NOISE_WIDTH = 3.0;

    private final double[][] inputs;
    private final double[] targets;
    private final int evaluations;

    HyperparameterFit(double[][] inputs, double[] targets, int evaluations) {
        this.inputs = inputs;
        this.targets = targets;
        this.evaluations = evaluations;
    }

    /** The fitted process. */
    GaussianProcess fit() {
        int width = inputs[0].length;
        double[] theta = new double[width + 2];
        Arrays.fill(theta, 0, width, LENGTH_CENTRE);
        theta[width] = 0;
        theta[width + 1] = NOISE_CENTRE;
        Evaluation current = evaluate(theta);
        double step = 0.5;
        for (int i = 1; i < evaluations && step > 1e-3; i++) {
            double norm = Math.sqrt(Arrays.stream(current.gradient).map(g -> g * g).sum());
            if (norm < 1e-8) break;
            double[] next = theta.clone();
            for (int j = 0; j < next.length; j++) next[j] += step * current.gradient[j] / norm;
            clamp(next, width);
            Evaluation candidate = evaluate(next);
            if (candidate.objective > current.objective) {
                theta = next;
                current = candidate;
                step *= 1.6;
            } else {
                step *= 0.35;
            }
        }
        return current.process;
    }

    private static void clamp(double[] theta, int width) {
        for (int d = 0; d < width; d++) theta[d] = Math.min(Math.max(theta[d], MIN_LOG_LENGTH), MAX_LOG_LENGTH);
        theta[width] = Math.min(Math.max(theta[width], MIN_LOG_VARIANCE), MAX_LOG_VARIANCE);
        theta[width + 1] = Math.min(Math.max(theta[width + 1], MIN_LOG_NOISE), MAX_LOG_NOISE);
    }

    private Evaluation evaluate(double[] theta) {
        int width = theta.length - 2;
        double[] lengths = new double[width];
        for (int d = 0; d < width; d++) lengths[d] = Math.exp(theta[d]);
        Matern52Kernel kernel = new Matern52Kernel(lengths, Math.exp(theta[width]));
        double noise = Math.exp(theta[width + 1]);
        GaussianProcess process = new GaussianProcess(inputs, targets, kernel, noise);
        double objective = process.logMarginalLikelihood();
        double[] gradient = new double[theta.length];
        // d log p / d theta = 1/2 tr(W dK/dtheta), with W = alpha alpha^T - K^-1.
        double[] alpha = process.alpha();
        double[][] inverse = process.inverse();
        int n = inputs.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double w = alpha[i] * alpha[j] - inverse[i][j];
                double pair = i == j ? 0.5 : 1.0;
                double r = kernel.distance(inputs[i], inputs[j]);
                gradient[width] += pair * w * kernel.shape(r);
                if (i == j) {
                    gradient[width + 1] += pair * w * noise;
                    continue;
                }
                double factor = pair * w * kernel.lengthScaleFactor(r);
                for (int d = 0; d < width; d++) {
                    double scaled = (inputs[i][d] - inputs[j][d]) / lengths[d];
                    gradient[d] += factor * scaled * scaled;
                }
            }
        }
        for (int d = 0; d < width; d++) {
            objective += logNormal(theta[d], LENGTH_CENTRE, LENGTH_WIDTH);
            gradient[d] += -(theta[d] - LENGTH_CENTRE) / (LENGTH_WIDTH * LENGTH_WIDTH);
        }
        objective += logNormal(theta[width], 0, VARIANCE_WIDTH);
        gradient[width] += -theta[width] / (VARIANCE_WIDTH * VARIANCE_WIDTH);
        objective += logNormal(theta[width + 1], NOISE_CENTRE, NOISE_WIDTH);
        gradient[width + 1] += -(theta[width + 1] - NOISE_CENTRE) / (NOISE_WIDTH * NOISE_WIDTH);
        return new Evaluation(process, objective, gradient);
    }

    private static double logNormal(double x, double centre, double width) {
        double z = (x - centre) / width;
        return -0.5 * z * z;
    }

    private record Evaluation(GaussianProcess process, double objective, double[] gradient) {}
}
