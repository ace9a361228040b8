package io.tune4j.search.benchmark;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * One sampler on one function over many seeds: the median final regret with its quartiles, the median
 * regret after each trial (the curve a plot draws) and the mean suggestion time.
 */
public record RegretSummary(String function, String sampler, int seeds, double median, double lowerQuartile,
                            double upperQuartile, double[] medianByTrial, double suggestMillis) {

    /** Summarizes runs of one function and one sampler; quartiles interpolate linearly, as numpy's do. */
    public static RegretSummary of(List<SamplerRun> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no runs to summarize");
        SamplerRun first = runs.get(0);
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        double[] finals = runs.stream().mapToDouble(SamplerRun::finalRegret).toArray();
        int trials = runs.stream().mapToInt(SamplerRun::trials).min().orElseThrow();
        double[] medianByTrial = new double[trials];
        for (int t = 0; t < trials; t++) {
            int trial = t;
            medianByTrial[t] = percentile.evaluate(runs.stream().mapToDouble(r -> r.regretByTrial()[trial]).toArray(), 50);
        }
        double suggestMillis = runs.stream().mapToDouble(SamplerRun::suggestMillis).average().orElse(0);
        return new RegretSummary(first.function(), first.sampler(), runs.size(), percentile.evaluate(finals, 50),
                percentile.evaluate(finals, 25), percentile.evaluate(finals, 75), medianByTrial, suggestMillis);
    }
}
