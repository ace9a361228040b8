package io.tune4j.trainer.training;

/** The training loss stopped being a finite number: the trial fails with this reason, the study goes on. */
public final class TrialDivergedException extends RuntimeException {
    public TrialDivergedException(String message) {
        super(message);
    }
}
