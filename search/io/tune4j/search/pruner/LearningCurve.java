package io.tune4j.search.pruner;

import io.tune4j.search.study.TrialState;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What a pruner sees of one trial: its number, its state and the objective metric it reported at each step
 * (epoch). Built from the engine's memory or from H2, the same way, so a continued study prunes as a fresh one.
 */
public record LearningCurve(int trialNumber, TrialState state, NavigableMap<Integer, Double> values) {
    public LearningCurve {
        values = Collections.unmodifiableNavigableMap(new TreeMap<>(values));
    }

    /** The last step reported, or 0 before the first report. */
    public int lastStep() {
        return values.isEmpty() ? 0 : values.lastKey();
    }

    /** The value at exactly {@code step}, or null when the trial did not report it. */
    public Double at(int step) {
        return values.get(step);
    }

    public boolean isComplete() {
        return state == TrialState.COMPLETE;
    }
}
