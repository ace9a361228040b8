package io.tune4j.trainer.training;

import java.time.Duration;
import java.util.Optional;

/**
 * How each trial trains: at most {@code epochs} epochs, with early stopping when one is declared, class weights
 * when declared, and at most {@code maxTrialTime} of training when declared (null when not). {@code seed}, when
 * not null, is the seed every trial trains with in place of its own: an exported trial's params.yaml pins it, so
 * that each run of that file trains the exported trial again rather than the next seed's.
 */
public record TrainingSpec(int epochs, EarlyStopping earlyStopping, Optional<ClassWeights> classWeights,
                           Duration maxTrialTime, Long seed) {
    public TrainingSpec {
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        if (maxTrialTime != null && (maxTrialTime.isNegative() || maxTrialTime.isZero())) {
            throw new IllegalArgumentException("max_trial_time must be > 0, got " + maxTrialTime);
        }
    }

    public TrainingSpec(int epochs, EarlyStopping earlyStopping, Optional<ClassWeights> classWeights,
                        Duration maxTrialTime) {
        this(epochs, earlyStopping, classWeights, maxTrialTime, null);
    }

    public TrainingSpec(int epochs, EarlyStopping earlyStopping) {
        this(epochs, earlyStopping, Optional.empty(), null);
    }

    /** The same training with each trial's own seed (a re-run with fresh seeds). */
    public TrainingSpec withOwnSeeds() {
        return new TrainingSpec(epochs, earlyStopping, classWeights, maxTrialTime);
    }
}
