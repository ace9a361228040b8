package io.tune4j.search.spec;

import io.tune4j.search.study.Budget;
import java.time.Duration;
import java.util.List;

/** The {@code search:} section: which sampler, how many trials, the seed, an optional time limit (null: none). */
public record SearchSettings(String sampler, int trials, long seed, Duration timeout, int gridResolution) {
    public static final List<String> SAMPLERS = List.of("random", "grid", "sobol", "tpe", "tpe-independent", "gp", "genetic");

    public SearchSettings {
        if (!SAMPLERS.contains(sampler)) {
            throw new IllegalArgumentException("unknown sampler '" + sampler + "'; known: " + String.join(", ", SAMPLERS));
        }
        if (trials <= 0) throw new IllegalArgumentException("trials must be > 0, got " + trials);
        if (gridResolution < 2) throw new IllegalArgumentException("resolution must be >= 2, got " + gridResolution);
    }

    /** What one run of these settings may spend. */
    public Budget budget() {
        return new Budget(trials, timeout);
    }

    /** The same settings with another trial budget, e.g. from a {@code --trials} option. */
    public SearchSettings withTrials(int otherTrials) {
        return new SearchSettings(sampler, otherTrials, seed, timeout, gridResolution);
    }
}
