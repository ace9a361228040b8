package io.tune4j.trainer.training;

/**
 * Keras-style early stopping inside a trial: stop when {@code monitor} has not improved by more than
 * {@code minDelta} for {@code patience} epochs. Each metric improves in its natural direction
 * (ObjectiveSpec#naturalDirection): losses and errors downwards, the others upwards.
 */
public record EarlyStopping(String monitor, int patience, double minDelta) {

    public EarlyStopping {
        if (!TaskMetrics.all().contains(monitor)) {
            throw new IllegalArgumentException("unknown metric '" + monitor + "'; known: "
                    + String.join(", ", TaskMetrics.all()));
        }
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        if (minDelta < 0) throw new IllegalArgumentException("min_delta must be >= 0, got " + minDelta);
    }
}
