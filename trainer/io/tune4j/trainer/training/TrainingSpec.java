package io.tune4j.trainer.training;

import java.time.Duration;
import java.util.Optional;

/**
 * How each trial trains: at most {@code epochs} epochs, with early stopping when one is declared, class weights
 * when declared, and at most {@code maxTrialTime} of training when declared (null when not).
 */
public record TrainingSpec(int epochs, EarlyStopping earlyStopping, Optional<ClassWeights> classWeights,
                           Duration maxTrialTime) {
    public TrainingSpec {
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        if (maxTrialTime != null && (maxTrialTime.isNegative() || maxTrialTime.isZero())) {
            throw new IllegalArgumentException("max_trial_time must be > 0, got " + maxTrialTime);
        }
    }

    public TrainingSpec(int epochs, EarlyStopping earlyStopping) {
        this(epochs, earlyStopping, Optional.empty(), null);
    }
}
