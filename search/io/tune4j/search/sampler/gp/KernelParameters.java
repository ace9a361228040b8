package io.tune4j.search.sampler.gp;

import java.util.Arrays;

/**
 * The hyperparameters of the GP: one inverse squared length scale per searched parameter (ARD: a large length
 * scale, a small value here, means the objective hardly changes along that parameter), the signal variance
 * and the observation noise variance. Values are standardized, so all three live near 1 / the unit cube's scale.
 */
public record KernelParameters(double[] inverseSquaredLengthScales, double signalVariance, double noiseVariance) {

    public KernelParameters {
        inverseSquaredLengthScales = inverseSquaredLengthScales.clone();
        for (double value : inverseSquaredLengthScales) requirePositive("inverse squared length scale", value);
        requirePositive("signal variance", signalVariance);
        if (!(noiseVariance >= 0) || Double.isInfinite(noiseVariance)) {
            throw new IllegalArgumentException("noise variance must be >= 0, got " + noiseVariance);
        }
    }

    /** The prior's centre: unit length scales, unit signal variance, small noise. */
    static KernelParameters initial(int groups, double noiseVariance) {
        double[] ones = new double[groups];
        Arrays.fill(ones, 1.0);
        return new KernelParameters(ones, 1.0, noiseVariance);
    }

    /** The length scale of group {@code g} in unit-cube coordinates. */
    public double lengthScale(int g) {
        return 1 / Math.sqrt(inverseSquaredLengthScales[g]);
    }

    @Override
    public double[] inverseSquaredLengthScales() {
        return inverseSquaredLengthScales.clone();
    }

    double inverseSquaredLengthScale(int g) {
        return inverseSquaredLengthScales[g];
    }

    int groups() {
        return inverseSquaredLengthScales.length;
    }

    private static void requirePositive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a positive finite number, got " + value);
        }
    }

    @Override
    public String toString() {
        return "KernelParameters[lengthScales=" + Arrays.toString(
                Arrays.stream(inverseSquaredLengthScales).map(v -> 1 / Math.sqrt(v)).toArray())
                + ", signalVariance=" + signalVariance + ", noiseVariance=" + noiseVariance + "]";
    }
}
