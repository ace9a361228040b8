package io.tune4j.search.study;

import java.time.Instant;

/** A study as stored: its definition and the key the store knows it by. */
public record StudyRecord(long id, StudyDefinition definition, Instant createdAt) {
    public String name() {
        return definition.name();
    }
}
