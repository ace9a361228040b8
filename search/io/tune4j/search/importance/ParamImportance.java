package io.tune4j.search.importance;

import io.tune4j.search.study.TrialRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The importance of each param for the objective over a set of completed trials. Params become numeric
 * features: numbers as they are (trees only compare, so log-scaled params need no transform), categories
 * as their index in sorted order, and a missing conditional param as a value below every other, so "absent"
 * is a side of a split like any other.
 */
public final class ParamImportance {
    private final ForestImportance forest;

    public ParamImportance(ForestImportance forest) {
        this.forest = forest;
    }

    public record Entry(String param, double importance) {}

    /** Params by importance, most important first. */
    public List<Entry> of(List<TrialRecord> trials) {
        List<TrialRecord> complete = trials.stream().filter(t -> t.valueIfComplete().isPresent()).toList();
        Set<String> names = new LinkedHashSet<>();
        for (TrialRecord trial : complete) names.addAll(trial.params().keySet());
        List<String> params = new ArrayList<>(names);
        double[][] x = new double[complete.size()][params.size()];
        double[] y = new double[complete.size()];
        for (int p = 0; p < params.size(); p++) {
            double[] column = encode(complete, params.get(p));
            for (int row = 0; row < complete.size(); row++) x[row][p] = column[row];
        }
        for (int row = 0; row < complete.size(); row++) y[row] = complete.get(row).value();
        double[] importances = forest.importances(x, y);
        List<Entry> entries = new ArrayList<>();
        for (int p = 0; p < params.size(); p++) entries.add(new Entry(params.get(p), importances[p]));
        entries.sort(Comparator.comparingDouble(Entry::importance).reversed());
        return entries;
    }

    private static double[] encode(List<TrialRecord> trials, String param) {
        boolean numeric = trials.stream().map(t -> t.params().get(param))
                .allMatch(v -> v == null || v instanceof Number);
        Map<String, Integer> categories = new HashMap<>();
        if (!numeric) {
            trials.stream().map(t -> t.params().get(param)).filter(v -> v != null).map(String::valueOf)
                    .distinct().sorted().forEach(v -> categories.put(v, categories.size()));
        }
        double[] column = new double[trials.size()];
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < trials.size(); i++) {
            Object value = trials.get(i).params().get(param);
            if (value == null) {
                column[i] = Double.NaN;
                continue;
            }
            column[i] = numeric ? ((Number) value).doubleValue() : categories.get(String.valueOf(value));
            min = Math.min(min, column[i]);
        }
        double absent = Double.isInfinite(min) ? 0 : min - 1;
        for (int i = 0; i < column.length; i++) if (Double.isNaN(column[i])) column[i] = absent;
        return column;
    }
}
