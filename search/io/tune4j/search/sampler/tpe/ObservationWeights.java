package io.tune4j.search.sampler.tpe;

import java.util.Arrays;

/**
 * Weights of observations in trial order: the newest 25 weigh 1, older ones ramp linearly down towards 0, so
 * a long study keeps adapting to where it searches now (the weighting of Optuna's TPE).
 */
final class ObservationWeights {
    private static final int FULL_WEIGHT = 25;

    private ObservationWeights() {}

    static double[] of(int count) {
        double[] weights = new double[count];
        Arrays.fill(weights, 1.0);
        int ramp = count - FULL_WEIGHT;
        for (int i = 0; i < ramp; i++) {
            weights[i] = ramp == 1 ? 1.0 / count : 1.0 / count + (1.0 - 1.0 / count) * i / (ramp - 1);
        }
        return weights;
    }
}
