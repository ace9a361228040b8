package io.tune4j.dashboard.report;

import io.tune4j.search.importance.ParamImportance;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The report's tables as plain text cells, shared by its HTML page and its Markdown summary so that both say
 * the same: the study's counts, the leaderboard, the best trial's params and the params' importance.
 */
final class ReportTables {
    /** Rows of text cells under a header. */
    record Table(List<String> header, List<List<String>> rows) {}

    /** The attributes `tune4j rerun` keeps on a trial (written by the trainer side, read here by name). */
    private static final String RERUN_MEAN = "rerun_mean";
    private static final String RERUN_STD = "rerun_std";

    private ReportTables() {}

    static Table summary(ReportData data) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("objective", data.study().definition().metric() + ", "
                + data.study().definition().direction().name().toLowerCase(Locale.ROOT)));
        rows.add(List.of("sampler", data.study().sampler()));
        StringBuilder counts = new StringBuilder();
        for (TrialState state : TrialState.values()) {
            int n = data.summary().trialsByState().getOrDefault(state, 0);
            if (n > 0) counts.append(counts.isEmpty() ? "" : ", ").append(n).append(' ').append(state.name().toLowerCase(Locale.ROOT));
        }
        rows.add(List.of("trials", data.summary().totalTrials() + (counts.isEmpty() ? "" : " (" + counts + ")")));
        if (data.hasBest()) {
            TrialRecord best = data.best();
            rows.add(List.of("best value", number(best.value()) + " (trial " + best.number() + ")"));
            String test = best.attributes().get(testAttribute(data));
            if (test != null) {
                rows.add(List.of("best trial's " + testAttribute(data).replace('_', ' '), number(Double.parseDouble(test))));
            }
            rerun(best).ifPresent(spread -> rows.add(List.of("best trial re-run over fresh seeds", spread)));
        }
        rows.add(List.of("created", String.valueOf(data.study().createdAt())));
        return new Table(List.of("", ""), rows);
    }

    static Table leaderboard(ReportData data) {
        TreeSet<String> params = new TreeSet<>();
        for (TrialRecord trial : data.leaderboard()) params.addAll(trial.params().keySet());
        boolean reruns = data.leaderboard().stream().anyMatch(t -> t.attributes().containsKey(RERUN_MEAN));
        List<String> header = new ArrayList<>(List.of("rank", "trial", "value"));
        header.addAll(params);
        header.addAll(List.of("epochs", testAttribute(data).replace('_', ' ')));
        if (reruns) header.add("rerun mean ± std");
        List<List<String>> rows = new ArrayList<>();
        int rank = 1;
        for (TrialRecord trial : data.leaderboard()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(rank++), String.valueOf(trial.number()),
                    number(trial.value())));
            for (String param : params) row.add(param(trial.params().get(param)));
            row.add(trial.attributes().getOrDefault("epochs_trained", ""));
            String test = trial.attributes().get(testAttribute(data));
            row.add(test == null ? "" : number(Double.parseDouble(test)));
            if (reruns) row.add(rerun(trial).orElse(""));
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /**
     * The trial attribute holding the objective's measure on the test part (test_rmse for a study of val_rmse), as
     * the trainer names it (TaskMetrics; the dashboard does not depend on the trainer).
     */
    private static String testAttribute(ReportData data) {
        return "test_" + data.study().definition().metric().replaceFirst("^(val|train)_", "");
    }

    static Table bestParams(ReportData data) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Object> param : new java.util.TreeMap<>(data.best().params()).entrySet()) {
            rows.add(List.of(param.getKey(), exact(param.getValue())));
        }
        return new Table(List.of("param", "value"), rows);
    }

    static Table importance(ReportData data) {
        List<List<String>> rows = new ArrayList<>();
        for (ParamImportance.Entry entry : data.importance()) {
            rows.add(List.of(entry.param(), String.format(Locale.ROOT, "%.3f", entry.importance())));
        }
        return new Table(List.of("param", "importance"), rows);
    }

    static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** A param as the leaderboard shows it: numbers with four significant decimals. */
    private static String param(Object value) {
        if (value == null) return "-";
        if (value instanceof Double d) return Math.abs(d) < 1e-3 && d != 0 ? String.format(Locale.ROOT, "%.3e", d) : number(d);
        return String.valueOf(value);
    }

    /** A param as stored, every digit: what a user copies into a space file. */
    private static String exact(Object value) {
        return String.valueOf(value);
    }

    private static java.util.Optional<String> rerun(TrialRecord trial) {
        String mean = trial.attributes().get(RERUN_MEAN);
        String std = trial.attributes().get(RERUN_STD);
        if (mean == null || std == null) return java.util.Optional.empty();
        return java.util.Optional.of(String.format(Locale.ROOT, "%.4f ± %.4f", Double.parseDouble(mean), Double.parseDouble(std)));
    }
}
