package io.tune4j.cli;

import io.tune4j.search.spec.SearchSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Command-line flags that override the {@code search:} section of a space file. */
final class PlanOverrides {
    @Option(names = "--trials", paramLabel = "N", description = "New trials to run (overrides search.trials).")
    Integer trials;

    @Option(names = "--seed", paramLabel = "N", description = "Study seed (overrides search.seed).")
    Long seed;

    @Option(names = "--sampler", paramLabel = "NAME", description = "tpe, gp, random, sobol, grid, genetic or tpe-independent (overrides search.sampler).")
    String sampler;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Start no new trial after this long, e.g. 90s, 10m, 2h (overrides search.timeout).")
    String timeout;

    StudyPlan applyTo(StudyPlan plan) {
        SearchSettings file = plan.search();
        if (trials != null && trials <= 0) throw new UserError("--trials must be > 0, got " + trials);
        Duration limit = timeout == null ? file.timeout() : Durations.parse("--timeout", timeout);
        try {
            return plan.withSearch(new SearchSettings(sampler == null ? file.sampler() : sampler,
                    trials == null ? file.trials() : trials, seed == null ? file.seed() : seed, limit,
                    file.gridResolution()));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
