package io.tune4j.search.study;

import java.util.concurrent.CompletableFuture;

/**
 * The port to where trials run: the caller's thread, a pool of CPU slots and GPUs, or remote workers.
 * The engine keeps at most {@link #slots()} trials in flight and records each outcome when its future ends.
 */
public interface TrialRunner {

    int slots();

    /**
     * Runs {@code objective} on {@code trial}. The future completes with the objective's value, or
     * exceptionally with whatever the objective threw (errors such as OutOfMemoryError included).
     */
    CompletableFuture<Double> start(Trial trial, Objective objective);
}
