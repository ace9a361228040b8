package io.tune4j.search.study;

import java.util.concurrent.CompletableFuture;

/** Runs each trial in the calling thread, one at a time: the simplest place to run a study. */
public final class InlineTrialRunner implements TrialRunner {

    @Override
    public int slots() {
        return 1;
    }

    @Override
    public CompletableFuture<Double> start(Trial trial, Objective objective) {
        try {
            return CompletableFuture.completedFuture(objective.evaluate(trial));
        } catch (Throwable failure) {
            // Errors too: an OutOfMemoryError in one trial must fail that trial, not the study.
            return CompletableFuture.failedFuture(failure);
        }
    }
}
