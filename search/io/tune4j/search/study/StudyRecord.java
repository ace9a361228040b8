package io.tune4j.search.study;

import java.time.Instant;

/**
 * A study as stored: its definition, the sampler (by name) and seed it searches with, and the key the store
 * knows it by.
 */
public record StudyRecord(long id, StudyDefinition definition, String sampler, long seed, Instant createdAt) {
    public String name() {
        return definition.name();
    }
}
