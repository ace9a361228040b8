package io.tune4j.store.query;

import io.tune4j.search.study.TrialState;
import java.time.Instant;

/** When one trial ran: {@code end} is null while it runs, {@code start} null while it waits. */
public record TimelineBar(int number, TrialState state, Instant start, Instant end) {}
