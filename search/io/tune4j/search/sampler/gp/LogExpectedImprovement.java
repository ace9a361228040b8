package io.tune4j.search.sampler.gp;

import org.hipparchus.special.Erf;

/**
 * The logarithm of expected improvement below {@code best} for a Gaussian prediction (mean, variance), computed
 * without underflow far from the incumbent (Ament et al. 2023, "Unexpected improvements to expected
 * improvement"). Plain EI is exactly 0 in floating point over most of a well-explored space, which leaves a
 * local optimizer with no gradient; its log stays finite and informative there.
 *
 * <p>EI = sigma * h(z) with z = (best - mean) / sigma and h(z) = phi(z) + z Phi(z). Values are minimized, so
 * improvement means going below {@code best}.
 */
final class LogExpectedImprovement {
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG_SQRT_HALF_PI = 0.5 * Math.log(Math.PI / 2);
    private static final double SQRT_HALF = Math.sqrt(0.5);
    /** Past this |z| the asymptotic series of h is exact to double precision and erfc would underflow. */
    private static final double ASYMPTOTIC_Z = 20;

    private LogExpectedImprovement() {}

    /** log EI; negative infinity where the variance is zero and the mean does not improve on {@code best}. */
    static double value(double mean, double variance, double best) {
        if (!(variance > 0)) return mean < best ? Math.log(best - mean) : Double.NEGATIVE_INFINITY;
        double sigma = Math.sqrt(variance);
        return Math.log(sigma) + logH((best - mean) / sigma);
    }

    /**
     * log EI and its partial derivatives: {@code gradient[0]} by the mean, {@code gradient[1]} by the variance.
     * The variance must be positive (the posterior keeps a floor).
     */
    static double valueAndGradient(double mean, double variance, double best, double[] gradient) {
        double sigma = Math.sqrt(variance);
        double z = (best - mean) / sigma;
        double logH = logH(z);
        double slope = logHSlope(z, logH);
        gradient[0] = -slope / sigma;
        // d/dsigma = 1/sigma - z/sigma * slope; d sigma / d variance = 1 / (2 sigma).
        gradient[1] = (1 - z * slope) / (2 * variance);
        return Math.log(sigma) + logH;
    }

    /** log h(z), stable for every z. */
    static double logH(double z) {
        if (z > -1) {
            double phi = Math.exp(-0.5 * z * z - HALF_LOG_TWO_PI);
            return Math.log(phi + z * 0.5 * Erf.erfc(-z * SQRT_HALF));
        }
        // For z <= -1: h(z) = phi(z) * (1 - |z| sqrt(pi/2) erfcx(|z|/sqrt 2)), and the bracket is what
        // cancels; it is 1/z^2 - 3/z^4 + 15/z^6 - ... asymptotically.
        return -0.5 * z * z - HALF_LOG_TWO_PI + Math.log(millsBracket(-z));
    }

    /** d log h / dz = Phi(z) / h(z), computed from logs so it holds where both underflow. */
    static double logHSlope(double z, double logH) {
        return Math.exp(logPhiCdf(z) - logH);
    }

    /** 1 - a sqrt(pi/2) erfcx(a / sqrt 2) for a >= 1. */
    private static double millsBracket(double a) {
        if (a >= ASYMPTOTIC_Z) {
            double inv = 1 / (a * a);
            return inv * (1 - inv * (3 - inv * (15 - inv * (105 - inv * 945))));
        }
        double logProduct = Math.log(a) + LOG_SQRT_HALF_PI + logErfcx(a * SQRT_HALF);
        return -Math.expm1(logProduct);
    }

    /** log Phi(z), the standard normal's log cumulative distribution. */
    private static double logPhiCdf(double z) {
        if (z > -1) return Math.log(0.5 * Erf.erfc(-z * SQRT_HALF));
        double x = -z * SQRT_HALF;
        return logErfcx(x) - x * x - Math.log(2);
    }

    /** log(exp(x^2) erfc(x)) for x > 0, by the asymptotic expansion once erfc nears underflow. */
    private static double logErfcx(double x) {
        if (x < ASYMPTOTIC_Z * SQRT_HALF) return x * x + Math.log(Erf.erfc(x));
        double inv = 1 / (2 * x * x);
        return -Math.log(x * Math.sqrt(Math.PI)) + Math.log1p(-inv * (1 - 3 * inv * (1 - 5 * inv * (1 - 7 * inv))));
    }
}
