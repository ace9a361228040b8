package io.tune4j.search.sampler.gp;

/**
 * The Matérn-5/2 kernel with automatic relevance determination: k(x, x') = s (1 + sqrt5 r + 5/3 r^2)
 * exp(-sqrt5 r), r^2 = sum over features f of lambda_g(f) (x_f - x'_f)^2, where g(f) is the searched parameter
 * feature f encodes (a categorical's one-hot columns share one length scale). Twice differentiable, so EI has
 * smooth gradients, and less smooth than the squared exponential, which suits hyperparameter landscapes.
 */
final class Matern52Kernel {
    private static final double SQRT5 = Math.sqrt(5);

    private final int[] groupOfFeature;

    /** {@code groupOfFeature[f]} is the length-scale group of feature column f. */
    Matern52Kernel(int[] groupOfFeature) {
        this.groupOfFeature = groupOfFeature.clone();
    }

    int features() {
        return groupOfFeature.length;
    }

    int groupOf(int feature) {
        return groupOfFeature[feature];
    }

    /** The inverse squared length scale of each feature column (its group's). */
    double[] featureWeights(KernelParameters parameters) {
        double[] weights = new double[groupOfFeature.length];
        for (int f = 0; f < weights.length; f++) weights[f] = parameters.inverseSquaredLengthScale(groupOfFeature[f]);
        return weights;
    }

    /** The weighted squared distance r^2 between two encoded points, given {@link #featureWeights}. */
    static double squaredDistance(double[] a, double[] b, double[] weights) {
        double sum = 0;
        for (int f = 0; f < weights.length; f++) {
            double d = a[f] - b[f];
            sum += weights[f] * d * d;
        }
        return sum;
    }

    /** k as a function of r^2, without the signal variance. */
    static double shape(double squaredDistance) {
        double r = Math.sqrt(squaredDistance);
        return (1 + SQRT5 * r + 5.0 / 3 * squaredDistance) * Math.exp(-SQRT5 * r);
    }

    /**
     * d shape / d(r^2) = -5/6 (1 + sqrt5 r) exp(-sqrt5 r); finite at r = 0, which is why the kernel is
     * differentiated through r^2 rather than r.
     */
    static double shapeSlope(double squaredDistance) {
        double r = Math.sqrt(squaredDistance);
        return -5.0 / 6 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }

}
