package io.tune4j.search.sampler;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Uniform sampling of the unit hypercube. Each trial draws from its own generator, seeded by the study seed
 * and the trial number, so a trial's params do not depend on how many trials ran before it or in which order.
 */
public final class RandomSampler implements Sampler {
    private final long seed;

    public RandomSampler(long seed) {
        this.seed = seed;
    }

    @Override
    public Map<String, Object> suggest(SamplingContext context) {
        SplittableRandom random = TrialSeeds.random(seed, context.trialNumber());
        double[] point = new double[context.space().dimensions()];
        for (int i = 0; i < point.length; i++) point[i] = random.nextDouble();
        return context.space().fromUnit(point);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public long seed() {
        return seed;
    }
}
