package io.tune4j.search.study;

/** One metric a trial reported at one step (for DL4J trials, an epoch). */
public record IntermediateValue(int step, String metric, double value) {}
