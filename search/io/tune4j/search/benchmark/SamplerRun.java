package io.tune4j.search.benchmark;

/**
 * One sampler on one test function with one seed: the simple regret after each trial (best value so far
 * minus the function's minimum) and the mean time the sampler took per suggestion.
 */
public record SamplerRun(String function, String sampler, long seed, double[] regretByTrial, double suggestMillis) {

    public int trials() {
        return regretByTrial.length;
    }

    public double finalRegret() {
        return regretByTrial[regretByTrial.length - 1];
    }
}
