package io.tune4j.search.sampler.gp;

/**
 * How the Gaussian-process sampler behaves.
 *
 * @param startupTrials   finished trials drawn by the start-up sampler before the model takes over
 * @param fitEvaluations  likelihood evaluations allowed to fit the hyperparameters per suggestion
 * @param randomCandidates random points scored before the local searches
 * @param localSearches   best candidates refined by local search
 * @param maxHistory      the most trials the GP is fitted on: the best third and the most recent rest. A fit
 *                        costs the cube of its size (0.14 s at 200 trials, 14 s at 1,000), so a long study
 *                        keeps what matters for the next suggestion: where the best values are, and where
 *                        the search has just been
 */
public record GpOptions(int startupTrials, int fitEvaluations, int randomCandidates, int localSearches,
                        int maxHistory) {
    public static final GpOptions DEFAULTS = new GpOptions(10, 30, 512, 4, 300);

    public GpOptions {
        if (startupTrials < 2) throw new IllegalArgumentException("startup trials must be >= 2, got " + startupTrials);
        if (fitEvaluations < 1 || randomCandidates < 1 || localSearches < 1) {
            throw new IllegalArgumentException("fit evaluations, candidates and local searches must be >= 1");
        }
        if (maxHistory < startupTrials) {
            throw new IllegalArgumentException("max history must be >= startup trials, got " + maxHistory);
        }
    }
}
