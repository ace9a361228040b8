package io.tune4j.search.sampler.gp;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.TrialRecord;
import java.util.List;

/**
 * Completed trials as GP data: encoded inputs, and values turned into a minimization target and
 * standardized (mean 0, standard deviation 1), which the kernel's priors assume.
 */
record Observations(double[][] inputs, double[] targets, double best, double worst) {

    static Observations of(List<TrialRecord> completed, Direction direction, InputEncoding encoding) {
        int n = completed.size();
        double[][] inputs = new double[n][];
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            TrialRecord trial = completed.get(i);
            inputs[i] = encoding.encode(trial.params());
            raw[i] = direction == Direction.MAXIMIZE ? -trial.value() : trial.value();
        }
        double mean = 0;
        for (double y : raw) mean += y;
        mean /= n;
        double variance = 0;
        for (double y : raw) variance += (y - mean) * (y - mean);
        double sd = Math.sqrt(variance / n);
        if (!(sd > 0)) sd = 1;
        double[] targets = new double[n];
        double best = Double.POSITIVE_INFINITY;
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            targets[i] = (raw[i] - mean) / sd;
            best = Math.min(best, targets[i]);
            worst = Math.max(worst, targets[i]);
        }
        return new Observations(inputs, targets, best, worst);
    }
}
