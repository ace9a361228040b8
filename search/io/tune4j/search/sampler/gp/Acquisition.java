package io.tune4j.search.sampler.gp;

/**
 * log EI of the GP posterior as a function of a search point (the space's unit cube), with its gradient along
 * the coordinates of active numeric parameters. Categorical and inactive coordinates get no gradient: the
 * former are searched value by value, the latter do not change the encoded point.
 */
final class Acquisition {
    /**
     * Floor on the latent variance where a gradient is taken: at an observed point with tiny noise the variance
     * rounds to 0 and log EI to -infinity, which a line search cannot compare.
     */
    static final double MINIMUM_VARIANCE = 1e-12;

    private final GaussianProcess gp;
    private final InputEncoding encoding;
    private final double best;

    /** @param best the best (lowest) standardized value observed, the level EI improves on */
    Acquisition(GaussianProcess gp, InputEncoding encoding, double best) {
        this.gp = gp;
        this.encoding = encoding;
        this.best = best;
    }

    double value(double[] u) {
        GaussianProcess.Prediction prediction = gp.predict(encoding.encodePoint(u));
        return LogExpectedImprovement.value(prediction.mean(), prediction.variance(), best);
    }

    /** log EI at {@code u}, writing d logEI / du into {@code gradient}. */
    double valueAndGradient(double[] u, double[] gradient) {
        boolean[] active = new boolean[u.length];
        double[] x = encoding.encodePoint(u, active);
        double[] meanGradient = new double[x.length];
        double[] varianceGradient = new double[x.length];
        GaussianProcess.Prediction prediction = gp.predictWithGradient(x, meanGradient, varianceGradient);
        double variance = Math.max(MINIMUM_VARIANCE, prediction.variance());
        double[] partials = new double[2];
        double value = LogExpectedImprovement.valueAndGradient(prediction.mean(), variance, best, partials);
        boolean floored = prediction.variance() < MINIMUM_VARIANCE;
        for (int i = 0; i < u.length; i++) {
            int feature = encoding.numericFeature(i);
            if (feature < 0 || !active[i]) {
                gradient[i] = 0;
            } else {
                gradient[i] = partials[0] * meanGradient[feature]
                        + (floored ? 0 : partials[1] * varianceGradient[feature]);
            }
        }
        return value;
    }
}
