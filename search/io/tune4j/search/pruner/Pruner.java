package io.tune4j.search.pruner;

import io.tune4j.search.study.Direction;
import java.util.Collection;

/**
 * Decides, after each step a running trial reports, whether it is worth training further. Implementations
 * are pure functions of the curves they are given (no state of their own), so they can be tested on made-up
 * curves and give the same answers on a study continued from the database.
 */
public interface Pruner {

    /**
     * True when {@code trial}, which has just reported its {@link LearningCurve#lastStep()}, should stop.
     * {@code others} are the other trials of the study in any state, running ones included.
     */
    boolean shouldPrune(LearningCurve trial, Collection<LearningCurve> others, Direction direction);
}
