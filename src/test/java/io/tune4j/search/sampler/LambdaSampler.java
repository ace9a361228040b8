package io.tune4j.search.sampler;

import java.util.Map;
import java.util.function.Function;

/** A sampler made of a function, for tests that watch or break what a study asks of its sampler. */
public record LambdaSampler(String name, long seed, Function<SamplingContext, Map<String, Object>> suggestion)
        implements Sampler {

    public static Sampler of(Function<SamplingContext, Map<String, Object>> suggestion) {
        return new LambdaSampler("test", 1, suggestion);
    }

    @Override
    public Map<String, Object> suggest(SamplingContext context) {
        return suggestion.apply(context);
    }
}
