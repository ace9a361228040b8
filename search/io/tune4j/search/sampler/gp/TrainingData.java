package io.tune4j.search.sampler.gp;

import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.TrialRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The observations the GP learns from: every completed trial with a finite value, encoded, its value turned
 * into "lower is better" (negated when maximizing) and standardized to mean 0 and variance 1, the scale the
 * hyperparameter priors assume. Failed trials, and anything else without a value (pruned trials, for now),
 * are not observations: a made-up value would bend the model where nothing was measured. Neither are trials
 * whose params are not a point of the current space.
 */
record TrainingData(List<Map<String, Object>> params, double[][] inputs, double[] targets) {

    /**
     * The observations of {@code context}, at most {@code maxObservations} of them: past that, the best third
     * and the most recent rest. The GP's cost grows with the cube of its data; the best trials keep the model
     * sharp where EI looks, the recent ones keep it current where the search is.
     */
    static TrainingData of(SamplingContext context, InputEncoding encoding, int maxObservations) {
        List<Map<String, Object>> params = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        double sign = context.direction() == Direction.MAXIMIZE ? -1 : 1;
        for (TrialRecord trial : context.finished()) {
            Double value = trial.valueIfComplete().orElse(null);
            if (value == null || !Double.isFinite(value)) continue;
            // A trial from before the space was edited (a dropped choice, a removed parameter) says nothing
            // about the current space and may not even encode; the model does without it.
            if (context.space().violation(trial.params()).isPresent()) continue;
            params.add(trial.params());
            values.add(sign * value);
        }
        if (params.size() > maxObservations) {
            List<Integer> kept = kept(values, maxObservations);
            params = kept.stream().map(params::get).toList();
            values = kept.stream().map(values::get).toList();
        }
        double[][] inputs = new double[params.size()][];
        for (int i = 0; i < inputs.length; i++) inputs[i] = encoding.encode(params.get(i));
        return new TrainingData(params, inputs, standardized(values));
    }

    /** Indexes of the best {@code max / 3} values and the latest others up to {@code max}, in history order. */
    private static List<Integer> kept(List<Double> values, int max) {
        int n = values.size();
        boolean[] keep = new boolean[n];
        Integer[] byValue = new Integer[n];
        for (int i = 0; i < n; i++) byValue[i] = i;
        Arrays.sort(byValue, Comparator.comparingDouble(values::get));
        int count = 0;
        for (; count < max / 3; count++) keep[byValue[count]] = true;
        for (int i = n - 1; i >= 0 && count < max; i--) {
            if (!keep[i]) {
                keep[i] = true;
                count++;
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) if (keep[i]) kept.add(i);
        return kept;
    }

    private static double[] standardized(List<Double> values) {
        int n = values.size();
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double deviation = n > 1 ? Math.sqrt(squares / n) : 0;
        // All values equal: any positive scale will do; 1 keeps them at 0.
        double scale = deviation > 0 ? deviation : 1;
        double[] targets = new double[n];
        for (int i = 0; i < n; i++) targets[i] = (values.get(i) - mean) / scale;
        return targets;
    }

    int size() {
        return targets.length;
    }

    /** Index of the best (lowest) target. */
    int bestIndex() {
        int best = 0;
        for (int i = 1; i < targets.length; i++) if (targets[i] < targets[best]) best = i;
        return best;
    }
}
