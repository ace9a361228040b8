package io.tune4j.search.study;

import java.util.List;

/**
 * A study continued with another space or sampler than its last run: its finished trials may not be
 * comparable with the new ones, so the change must be allowed explicitly.
 */
public final class StudyChangedException extends RuntimeException {
    private final List<String> changes;

    public StudyChangedException(String study, List<String> changes) {
        super("study '" + study + "' exists with other settings: " + String.join("; ", changes));
        this.changes = List.copyOf(changes);
    }

    /** Each difference, e.g. {@code space changed: learning_rate log_uniform [1e-4, 1e-1] -> [1e-5, 1e-1]}. */
    public List<String> changes() {
        return changes;
    }
}
