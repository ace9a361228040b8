package io.tune4j.search.study;

/**
 * Thrown by an objective when {@link Trial#shouldPrune()} said stop. The study records the trial PRUNED, with
 * its last reported objective value and the step it stopped at ({@code pruned_at_epoch}).
 */
public final class TrialPrunedException extends RuntimeException {
    private final int step;

    public TrialPrunedException(int step) {
        super("pruned at step " + step, null, false, false);
        this.step = step;
    }

    public int step() {
        return step;
    }
}
