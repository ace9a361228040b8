package io.tune4j.search.sampler;

import java.util.Map;

/**
 * Proposes the params of the next trial from the space and what the study knows so far. Implementations
 * must be reproducible: the same seed, space and history give the same suggestion for the same trial number.
 */
public interface Sampler {

    Map<String, Object> suggest(SamplingContext context);

    /** True when the sampler has nothing left to propose (a grid whose points are all taken). */
    default boolean isExhausted(SamplingContext context) {
        return false;
    }
}
