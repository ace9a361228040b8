package io.tune4j.store.query;

import java.time.Instant;

/** A Markdown note on a study or a trial, and when it was last written. */
public record Note(String markdown, Instant updatedAt) {}
