package io.tune4j.trainer.training;

import java.util.List;

/**
 * Keras-style early stopping inside a trial: stop when {@code monitor} has not improved by more than
 * {@code minDelta} for {@code patience} epochs. Losses improve downwards, accuracies upwards.
 */
public record EarlyStopping(String monitor, int patience, double minDelta) {
    public static final List<String> METRICS = List.of("val_loss", "val_accuracy", "train_loss");

    public EarlyStopping {
        if (!METRICS.contains(monitor)) {
            throw new IllegalArgumentException("unknown metric '" + monitor + "'; known: " + String.join(", ", METRICS));
        }
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        if (minDelta < 0) throw new IllegalArgumentException("min_delta must be >= 0, got " + minDelta);
    }

    public boolean maximizes() {
        return monitor.endsWith("accuracy");
    }
}
