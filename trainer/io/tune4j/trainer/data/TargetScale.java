package io.tune4j.trainer.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a regression target was standardized for training (mean and deviation of the training part): networks
 * learn and predict the standardized value, and every metric and prediction is mapped back to the target's own
 * units with {@link #original}. Classification targets are not scaled ({@link #NONE}).
 */
public record TargetScale(double mean, double deviation) {
    public static final TargetScale NONE = new TargetScale(0, 1);

    public TargetScale {
        if (!(deviation > 0)) throw new IllegalArgumentException("target deviation must be > 0, got " + deviation);
    }

    /** Standardized values (a copy) back in the target's units. */
    public INDArray original(INDArray standardized) {
        return standardized.mul(deviation).addi(mean);
    }

    public double standardized(double original) {
        return (original - mean) / deviation;
    }
}
