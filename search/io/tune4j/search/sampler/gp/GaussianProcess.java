package io.tune4j.search.sampler.gp;

import java.util.Arrays;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * The GP posterior given observations (x_i, y_i) and fixed hyperparameters: with K = k(X, X) + noise I = L L^T
 * (Hipparchus's Cholesky) and alpha = K^-1 y, the latent function at x has mean k(x)^T alpha and variance
 * k(x, x) - |L^-1 k(x)|^2. The variance is the latent function's, without the observation noise: EI asks how
 * much better the function may be, not a noisy reading of it.
 */
final class GaussianProcess {
    private final KernelParameters parameters;
    private final double[][] inputs;
    private final double[] targets;
    private final CholeskyDecomposition cholesky;
    private final double[][] lower;
    private final double[][] upper;
    private final double[] alpha;
    private final double[] weights;

    /**
     * @throws MathIllegalArgumentException when the covariance is not numerically positive definite (two equal
     *     inputs and no noise, or length scales so long that the matrix is singular).
     */
    GaussianProcess(Matern52Kernel kernel, KernelParameters parameters, double[][] inputs, double[] targets) {
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + targets.length + " targets");
        }
        this.parameters = parameters;
        this.inputs = inputs;
        this.targets = targets;
        this.weights = kernel.featureWeights(parameters);
        this.cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(covariance(), false));
        this.lower = cholesky.getL().getData();
        this.upper = cholesky.getLT().getData();
        this.alpha = cholesky.getSolver().solve(new ArrayRealVector(targets, false)).toArray();
    }

    private double[][] covariance() {
        int n = inputs.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            k[i][i] = parameters.signalVariance() + parameters.noiseVariance();
            for (int j = 0; j < i; j++) {
                double value = kernelValue(inputs[i], inputs[j]);
                k[i][j] = value;
                k[j][i] = value;
            }
        }
        return k;
    }

    double[] alpha() {
        return alpha.clone();
    }

    /** log p(y | X, hyperparameters) = -y^T K^-1 y / 2 - log|L| - n log(2 pi) / 2. */
    double logMarginalLikelihood() {
        double fit = 0;
        double logDeterminant = 0;
        for (int i = 0; i < targets.length; i++) {
            fit += targets[i] * alpha[i];
            logDeterminant += Math.log(lower[i][i]);
        }
        return -0.5 * fit - logDeterminant - 0.5 * targets.length * Math.log(2 * Math.PI);
    }

    /** K^-1, which the likelihood's gradient needs in full. */
    RealMatrix inverseCovariance() {
        return cholesky.getSolver().getInverse();
    }

    /** The posterior mean and latent variance at encoded point {@code x}; the variance is clamped at 0. */
    Prediction predict(double[] x) {
        double[] k = crossCovariance(x);
        double mean = dot(k, alpha);
        double[] v = forwardSubstitution(k);
        return new Prediction(mean, Math.max(0, parameters.signalVariance() - dot(v, v)));
    }

    /**
     * The prediction at {@code x} and its gradients by each feature, written into {@code meanGradient} and
     * {@code varianceGradient}: d mean = dk^T alpha, d variance = -2 dk^T K^-1 k.
     */
    Prediction predictWithGradient(double[] x, double[] meanGradient, double[] varianceGradient) {
        int n = inputs.length;
        double[] k = new double[n];
        double[] slope = new double[n];
        for (int i = 0; i < n; i++) {
            double r2 = Matern52Kernel.squaredDistance(x, inputs[i], weights);
            k[i] = parameters.signalVariance() * Matern52Kernel.shape(r2);
            slope[i] = parameters.signalVariance() * Matern52Kernel.shapeSlope(r2);
        }
        double[] v = forwardSubstitution(k);
        double[] w = backSubstitution(v);
        Arrays.fill(meanGradient, 0);
        Arrays.fill(varianceGradient, 0);
        for (int i = 0; i < n; i++) {
            double[] xi = inputs[i];
            for (int f = 0; f < x.length; f++) {
                // dk_i / dx_f = shape'(r^2) * 2 lambda_g (x_f - x_if)
                double dk = slope[i] * 2 * weights[f] * (x[f] - xi[f]);
                meanGradient[f] += dk * alpha[i];
                varianceGradient[f] -= 2 * dk * w[i];
            }
        }
        return new Prediction(dot(k, alpha), Math.max(0, parameters.signalVariance() - dot(v, v)));
    }

    private double[] crossCovariance(double[] x) {
        double[] k = new double[inputs.length];
        for (int i = 0; i < k.length; i++) k[i] = kernelValue(x, inputs[i]);
        return k;
    }

    private double kernelValue(double[] a, double[] b) {
        return parameters.signalVariance() * Matern52Kernel.shape(Matern52Kernel.squaredDistance(a, b, weights));
    }

    // The two triangular solves below run for every candidate the acquisition search looks at; on plain arrays
    // they cost n^2/2 multiply-adds without the per-entry dispatch of Hipparchus's RealVector-based solver.

    /** L^-1 b. */
    private double[] forwardSubstitution(double[] b) {
        int n = b.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = lower[i];
            double sum = b[i];
            for (int j = 0; j < i; j++) sum -= row[j] * v[j];
            v[i] = sum / row[i];
        }
        return v;
    }

    /** L^-T b. */
    private double[] backSubstitution(double[] b) {
        int n = b.length;
        double[] w = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double[] row = upper[i];
            double sum = b[i];
            for (int j = i + 1; j < n; j++) sum -= row[j] * w[j];
            w[i] = sum / row[i];
        }
        return w;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    /** A posterior mean and latent variance at one point. */
    record Prediction(double mean, double variance) {}
}
