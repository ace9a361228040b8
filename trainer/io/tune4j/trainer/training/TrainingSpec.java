package io.tune4j.trainer.training;

/**
 * How each trial trains: at most {@code epochs} epochs, with early stopping when one is declared. {@code seed},
 * when not null, is the seed every trial trains with in place of its own: an exported trial's params.yaml pins
 * it, so that each run of that file trains the exported trial again rather than the next seed's.
 */
public record TrainingSpec(int epochs, EarlyStopping earlyStopping, Long seed) {
    public TrainingSpec {
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
    }

    public TrainingSpec(int epochs, EarlyStopping earlyStopping) {
        this(epochs, earlyStopping, null);
    }

    /** The same training with each trial's own seed (a re-run with fresh seeds). */
    public TrainingSpec withOwnSeeds() {
        return new TrainingSpec(epochs, earlyStopping);
    }
}
