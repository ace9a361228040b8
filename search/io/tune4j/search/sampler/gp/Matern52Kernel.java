package io.tune4j.search.sampler.gp;

/**
 * The Matérn-5/2 kernel with one length scale per input dimension (automatic relevance determination):
 * k(x, x') = s (1 + √5 r + 5r²/3) exp(-√5 r), r² = Σ ((x_d - x'_d) / l_d)². Twice differentiable, so it
 * suits the smooth-but-not-too-smooth response surfaces of hyperparameters better than the squared exponential.
 */
record Matern52Kernel(double[] lengthScales, double variance) {
    private static final double SQRT5 = Math.sqrt(5);

    double value(double[] a, double[] b) {
        return shape(distance(a, b));
    }

    /** The kernel as a function of the scaled distance r. */
    double shape(double r) {
        return variance * (1 + SQRT5 * r + 5 * r * r / 3) * Math.exp(-SQRT5 * r);
    }

    /**
     * dk / d(log l_d) divided by (x_d - x'_d)² / l_d²: the same factor for every dimension, so the gradient of
     * all length scales costs one exponential per pair of points.
     */
    double lengthScaleFactor(double r) {
        return variance * 5.0 / 3 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }

    double distance(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            double scaled = (a[d] - b[d]) / lengthScales[d];
            sum += scaled * scaled;
        }
        return Math.sqrt(sum);
    }
}
