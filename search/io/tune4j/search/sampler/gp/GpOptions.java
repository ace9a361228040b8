package io.tune4j.search.sampler.gp;

/**
 * Settings of {@link GpSampler}.
 *
 * @param startupTrials completed trials taken from the start-up sampler before the GP is used (default 10): a
 *     GP fitted on a handful of points has length scales that mean little
 * @param candidates random points scored before local refinement, per suggestion (default 1024)
 * @param localSearches best candidates refined by local search, per suggestion (default 10)
 * @param deterministicObjective true when the same params always give the same value: the noise variance is
 *     then held at a tiny jitter instead of fitted (default false: training runs are noisy)
 * @param maxObservations the most completed trials the GP is fitted on (default 300); past it, the best third
 *     and the most recent rest, because a fit costs the cube of its size
 */
public record GpOptions(int startupTrials, int candidates, int localSearches, boolean deterministicObjective,
                        int maxObservations) {

    public GpOptions {
        requireAtLeast("startupTrials", startupTrials, 1);
        requireAtLeast("candidates", candidates, 1);
        requireAtLeast("localSearches", localSearches, 1);
        requireAtLeast("maxObservations", maxObservations, 3);
    }

    public static GpOptions defaults() {
        return new GpOptions(10, 1024, 10, false, 300);
    }

    public GpOptions withStartupTrials(int trials) {
        return new GpOptions(trials, candidates, localSearches, deterministicObjective, maxObservations);
    }

    public GpOptions withDeterministicObjective(boolean deterministic) {
        return new GpOptions(startupTrials, candidates, localSearches, deterministic, maxObservations);
    }

    public GpOptions withMaxObservations(int observations) {
        return new GpOptions(startupTrials, candidates, localSearches, deterministicObjective, observations);
    }

    private static void requireAtLeast(String name, int value, int minimum) {
        if (value < minimum) throw new IllegalArgumentException("GP " + name + " must be >= " + minimum + ", got " + value);
    }
}
