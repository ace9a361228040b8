package io.tune4j.store.query;

import io.tune4j.search.study.TrialState;

/** One trial in the optimization history: its number, how it ended, and its value if it completed. */
public record HistoryPoint(int number, TrialState state, Double value) {}
