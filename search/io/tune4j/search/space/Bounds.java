package io.tune4j.search.space;

/** The range checks shared by the numeric parameters, so every bad range gets the same message. */
final class Bounds {
    private Bounds() {}

    static void check(String name, double low, double high, boolean log) {
        if (Double.isNaN(low) || Double.isNaN(high) || Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("range of '" + name + "' must be finite numbers");
        }
        if (low >= high) {
            throw new IllegalArgumentException("range of '" + name + "' is empty or inverted: [" + low + ", " + high
                    + "]; the low bound must be below the high bound");
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException("log range of '" + name + "' needs a low bound > 0, got " + low);
        }
    }

    /** Samplers may hand in exactly 1.0 or tiny rounding overshoots; keep them inside [0, 1). */
    static double clampUnit(double unit) {
        return Math.min(Math.nextDown(1.0), Math.max(0.0, unit));
    }
}
