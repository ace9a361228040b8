package io.tune4j.search.benchmark;

import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.sampler.Sampler;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How long one suggestion takes once a study has a long history: a space of the given width (floats, log
 * floats, integers and a categorical, like a network's), a history of random trials scored by a smooth
 * function, then timed suggestions for the next trial numbers.
 */
public final class SuggestLatency {
    private static final int WARM_UP = 30;
    private SuggestLatency() {}

    /** Milliseconds per suggestion, one entry per repeat, sorted. */
    public static double[] measure(Sampler sampler, int dimensions, int history, int repeats) {
        SearchSpace space = space(dimensions);
        List<TrialRecord> finished = history(space, history);
        // The first calls pay for class loading and JIT compilation, which a long study pays once: a few
        // dozen calls are needed before the times settle (20 repeats without warm-up read 2.5x slower).
        for (int i = 0; i < WARM_UP; i++) sampler.suggest(context(space, finished, history + repeats + i));
        double[] millis = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            sampler.suggest(context(space, finished, history + i));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    static SearchSpace space(int dimensions) {
        SearchSpace.Builder builder = SearchSpace.builder();
        for (int d = 0; d < dimensions; d++) {
            switch (d % 5) {
                case 0 -> builder.logUniform("p" + d, 1e-5, 1);
                case 1 -> builder.integer("p" + d, 1, 8);
                case 2 -> builder.choice("p" + d, "a", "b", "c");
                default -> builder.uniform("p" + d, -1, 1);
            }
        }
        return builder.build();
    }

    private static List<TrialRecord> history(SearchSpace space, int trials) {
        RandomSampler random = new RandomSampler(1);
        List<TrialRecord> history = new ArrayList<>();
        for (int n = 0; n < trials; n++) {
            Map<String, Object> params = random.suggest(context(space, history, n));
            double value = 0;
            for (var parameter : space.parameters()) {
                double u = parameter.toUnit(params.get(parameter.name()));
                value += (u - 0.3) * (u - 0.3);
            }
            history.add(new TrialRecord(n, n, TrialState.COMPLETE, params, value, n, null, null, "bench", "cpu",
                    null, Map.of()));
        }
        return history;
    }

    private static SamplingContext context(SearchSpace space, List<TrialRecord> finished, int number) {
        return new SamplingContext(space, Direction.MINIMIZE, number, finished, List.of());
    }
}
