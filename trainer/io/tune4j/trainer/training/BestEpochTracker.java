package io.tune4j.trainer.training;

import io.tune4j.search.spec.ObjectiveSpec;
import io.tune4j.search.study.Direction;

/**
 * Keras' EarlyStopping rule: an epoch improves on the best so far when the monitored metric moved by more
 * than {@code minDelta} in its good direction; training stops after {@code patience} epochs without one.
 */
final class BestEpochTracker {
    private final String monitor;
    private final boolean maximize;
    private final double minDelta;
    private EpochMetrics best;
    private int epochsWithoutImprovement;

    BestEpochTracker(String monitor, double minDelta) {
        this.monitor = monitor;
        this.maximize = ObjectiveSpec.naturalDirection(monitor) == Direction.MAXIMIZE;
        this.minDelta = minDelta;
    }

    /** Records an epoch; true when it is the new best. */
    boolean offer(EpochMetrics epoch) {
        double value = epoch.get(monitor);
        boolean improved = best == null
                || (maximize ? value > best.get(monitor) + minDelta : value < best.get(monitor) - minDelta);
        if (improved) {
            best = epoch;
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
        }
        return improved;
    }

    /**
     * True when the last {@code patience} epochs brought no improvement. An improving epoch never stops
     * training (as in Keras), so patience 0 stops at the first epoch that fails to improve, not at epoch 1.
     */
    boolean exhausted(int patience) {
        return epochsWithoutImprovement > 0 && epochsWithoutImprovement >= patience;
    }

    EpochMetrics best() {
        return best;
    }
}
