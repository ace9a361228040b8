package io.tune4j.search.sampler.gp;

/**
 * Expected improvement below the best value so far, for minimization, and its logarithm computed so that it
 * stays finite and ordered far from the incumbent, where EI itself underflows to 0 and a search over it
 * would see a flat landscape.
 */
final class ExpectedImprovement {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private ExpectedImprovement() {}

    /** E[max(best - f, 0)] for f ~ N(mean, sd²); exactly max(best - mean, 0) when sd is 0. */
    static double value(double mean, double sd, double best) {
        if (sd <= 0) return Math.max(best - mean, 0);
        double z = (best - mean) / sd;
        return sd * (z * cdf(z) + pdf(z));
    }

    /** log EI; minus infinity where EI is exactly 0. */
    static double log(double mean, double sd, double best) {
        if (sd <= 0) return Math.log(Math.max(best - mean, 0));
        double z = (best - mean) / sd;
        if (z > -6) return Math.log(sd) + Math.log(z * cdf(z) + pdf(z));
        // z·Phi(z) + phi(z) = phi(z) (1/z² - 3/z⁴ + ...) for very negative z (Mills' ratio).
        double inverseSquare = 1 / (z * z);
        return Math.log(sd) - 0.5 * z * z - LOG_SQRT_2PI + Math.log(inverseSquare * (1 - 3 * inverseSquare));
    }

    private static double pdf(double z) {
        return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
    }

    private static double cdf(double z) {
        return 0.5 * org.hipparchus.special.Erf.erfc(-z / Math.sqrt(2));
    }
}
