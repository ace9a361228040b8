package io.tune4j.search.sampler;

import java.util.Map;

/**
 * Proposes the params of the next trial from the space and what the study knows so far. Implementations
 * must be reproducible: the same seed, space and history give the same suggestion for the same trial number.
 */
public interface Sampler {

    Map<String, Object> suggest(SamplingContext context);

    /**
     * The name a study records for this sampler ({@code tpe}, {@code random}, ... as a space file's
     * {@code search.sampler} says): continuing a study with another sampler is a change to be allowed.
     */
    String name();

    /**
     * The seed of this sampler's draws. A study takes it as its own: trial {@code n}'s seed derives from it
     * (see {@link TrialSeeds}), so the seed is given once, to the sampler.
     */
    long seed();

    /** True when the sampler has nothing left to propose (a grid whose points are all taken). */
    default boolean isExhausted(SamplingContext context) {
        return false;
    }
}
