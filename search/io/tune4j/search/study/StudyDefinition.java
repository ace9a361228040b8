package io.tune4j.search.study;

import java.util.Objects;

/**
 * What identifies a study and how it is judged. {@code source} is the declaration it came from (the space
 * file's text, for studies run from one), kept so an export can be re-run.
 */
public record StudyDefinition(String name, Direction direction, String metric, String sampler, long seed,
                              String source) {
    public StudyDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        if (name.isBlank()) throw new IllegalArgumentException("study name must not be blank");
        metric = metric == null ? "value" : metric;
        sampler = sampler == null ? "random" : sampler;
        source = source == null ? "" : source;
    }
}
