package io.tune4j.search.sampler;

import java.util.Map;

/**
 * Quasi-random search: trial n takes point n of a scrambled Sobol' sequence over the space's unit cube. The
 * points fill the space more evenly than independent uniform draws (no clumps, no large holes), which is what a
 * start-up phase or a small budget needs; the scramble is seeded by the study seed, so a study is repeatable.
 */
public final class SobolSampler implements Sampler {
    private final long seed;
    private SobolSequence sequence;

    public SobolSampler(long seed) {
        this.seed = seed;
    }

    @Override
    public synchronized Map<String, Object> suggest(SamplingContext context) {
        int dimensions = context.space().dimensions();
        if (sequence == null || sequence.dimensions() != dimensions) {
            sequence = SobolSequence.scrambled(dimensions, seed);
        }
        return context.space().fromUnit(sequence.point(context.trialNumber()));
    }

    @Override
    public String name() {
        return "sobol";
    }

    @Override
    public long seed() {
        return seed;
    }
}
