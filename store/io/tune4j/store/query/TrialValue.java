package io.tune4j.store.query;

/** One metric one trial reported at one step, with the trial it belongs to. */
public record TrialValue(long trialId, int step, String metric, double value) {}
