package io.tune4j.search.study;

import java.util.Objects;

/**
 * What identifies a study and how it is judged. {@code source} is the declaration it came from (the space
 * file's text, for studies run from one), kept so an export can be re-run. The sampler, and with it the seed,
 * is not part of it: a study takes both from the sampler it is opened with (see {@link StudyRecord}).
 */
public record StudyDefinition(String name, Direction direction, String metric, String source) {
    public StudyDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        if (name.isBlank()) throw new IllegalArgumentException("study name must not be blank");
        metric = metric == null ? "value" : metric;
        source = source == null ? "" : source;
    }

    /** A study judged by {@code metric}, declared in code rather than in a space file. */
    public StudyDefinition(String name, Direction direction, String metric) {
        this(name, direction, metric, "");
    }
}
