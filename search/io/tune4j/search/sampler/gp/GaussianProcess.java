package io.tune4j.search.sampler.gp;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;

/**
 * A Gaussian-process regression on fixed hyperparameters: the Cholesky factor of K + noise·I (Hipparchus),
 * alpha = (K + noise·I)^-1 y, and the posterior mean and variance at new points.
 */
final class GaussianProcess {
    private final double[][] inputs;
    private final Matern52Kernel kernel;
    private final double noise;
    private final double[][] lower;
    private final DecompositionSolver solver;
    private final double[] alpha;
    private final double logDeterminantHalf;
    private final double[] targets;

    GaussianProcess(double[][] inputs, double[] targets, Matern52Kernel kernel, double noise) {
        this.inputs = inputs;
        this.targets = targets;
        this.kernel = kernel;
        this.noise = noise;
        int n = inputs.length;
        double[][] gram = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double k = kernel.value(inputs[i], inputs[j]);
                gram[i][j] = k;
                gram[j][i] = k;
            }
            gram[i][i] += noise;
        }
        CholeskyDecomposition cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(gram, false));
        this.lower = cholesky.getL().getData();
        this.solver = cholesky.getSolver();
        this.alpha = solver.solve(new ArrayRealVector(targets, false)).toArray();
        double half = 0;
        for (int i = 0; i < n; i++) half += Math.log(lower[i][i]);
        this.logDeterminantHalf = half;
    }

    /** log p(y | X, hyperparameters). */
    double logMarginalLikelihood() {
        double fit = 0;
        for (int i = 0; i < alpha.length; i++) fit += targets[i] * alpha[i];
        return -0.5 * fit - logDeterminantHalf - 0.5 * alpha.length * Math.log(2 * Math.PI);
    }

    double[] alpha() {
        return alpha;
    }

    /** (K + noise·I)^-1, needed for the likelihood's gradient. */
    double[][] inverse() {
        return solver.getInverse().getData();
    }

    /** Posterior mean and standard deviation of the latent function at {@code x}. */
    double[] posterior(double[] x) {
        int n = inputs.length;
        double[] cross = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            cross[i] = kernel.value(x, inputs[i]);
            mean += cross[i] * alpha[i];
        }
        // v = L^-1 k*, by forward substitution on the Cholesky factor; variance = k(x, x) - v·v.
        double explained = 0;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = cross[i];
            double[] row = lower[i];
            for (int j = 0; j < i; j++) sum -= row[j] * v[j];
            v[i] = sum / row[i];
            explained += v[i] * v[i];
        }
        double variance = Math.max(kernel.variance() - explained, 0);
        return new double[] {mean, Math.sqrt(variance)};
    }

    Matern52Kernel kernel() {
        return kernel;
    }

    double noise() {
        return noise;
    }
}
