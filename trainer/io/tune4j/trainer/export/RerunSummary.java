package io.tune4j.trainer.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The values of a trial's re-runs, their mean and sample standard deviation (n - 1: the runs are a sample of
 * what the configuration reaches over seeds), and the trial attributes that keep them.
 */
public record RerunSummary(List<Reruns.Run> runs) {
    public static final String VALUES = "rerun_values";
    public static final String SEEDS = "rerun_seeds";
    public static final String MEAN = "rerun_mean";
    public static final String STD = "rerun_std";

    public RerunSummary {
        runs = List.copyOf(runs);
        if (runs.size() < 2) throw new IllegalArgumentException("a spread needs at least 2 runs, got " + runs.size());
    }

    public double mean() {
        return runs.stream().mapToDouble(Reruns.Run::value).average().orElseThrow();
    }

    public double std() {
        double mean = mean();
        double squares = runs.stream().mapToDouble(run -> (run.value() - mean) * (run.value() - mean)).sum();
        return Math.sqrt(squares / (runs.size() - 1));
    }

    /** Exact values (Double.toString), comma-separated, as the trial's attributes. */
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(SEEDS, runs.stream().map(run -> String.valueOf(run.seed())).collect(Collectors.joining(",")));
        attributes.put(VALUES, runs.stream().map(run -> String.valueOf(run.value())).collect(Collectors.joining(",")));
        attributes.put(MEAN, String.valueOf(mean()));
        attributes.put(STD, String.valueOf(std()));
        return attributes;
    }

    /** {@code 0.9611 ± 0.0136}, as the terminal and the report show it. */
    public static String text(double mean, double std) {
        return String.format(Locale.ROOT, "%.4f ± %.4f", mean, std);
    }
}
