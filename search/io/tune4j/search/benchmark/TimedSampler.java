package io.tune4j.search.benchmark;

import io.tune4j.search.sampler.Sampler;
import io.tune4j.search.sampler.SamplingContext;
import java.util.Map;

/** Wraps a sampler to measure how long its suggestions take, the sampler's own cost in a study. */
final class TimedSampler implements Sampler {
    private final Sampler sampler;
    private long nanos;
    private int calls;

    TimedSampler(Sampler sampler) {
        this.sampler = sampler;
    }

    @Override
    public Map<String, Object> suggest(SamplingContext context) {
        long start = System.nanoTime();
        try {
            return sampler.suggest(context);
        } finally {
            nanos += System.nanoTime() - start;
            calls++;
        }
    }

    @Override
    public boolean isExhausted(SamplingContext context) {
        return sampler.isExhausted(context);
    }

    @Override
    public String name() {
        return sampler.name();
    }

    @Override
    public long seed() {
        return sampler.seed();
    }

    double meanMillis() {
        return calls == 0 ? 0 : nanos / 1e6 / calls;
    }
}
