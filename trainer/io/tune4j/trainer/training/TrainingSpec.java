package io.tune4j.trainer.training;

/** How each trial trains: at most {@code epochs} epochs, with early stopping when one is declared. */
public record TrainingSpec(int epochs, EarlyStopping earlyStopping) {
    public TrainingSpec {
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
    }
}
