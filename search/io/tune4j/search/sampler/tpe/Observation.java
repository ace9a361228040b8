package io.tune4j.search.sampler.tpe;

import java.util.Map;

/** A trial as the densities see it: its params, and its number (older trials weigh less). */
record Observation(int number, Map<String, Object> params) {}
