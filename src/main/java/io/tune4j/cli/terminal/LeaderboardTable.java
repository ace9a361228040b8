package io.tune4j.cli.terminal;

import com.github.freva.asciitable.AsciiTable;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.trainer.export.RerunSummary;
import java.util.ArrayList;
import java.util.TreeSet;
import java.util.List;
import java.util.Set;

/**
 * The leaderboard as a text table: rank, trial, value, every param (by name), epochs, test accuracy, the mean ±
 * std of the trial's re-runs when any trial was re-run ({@code tune4j rerun}), state.
 */
public final class LeaderboardTable {
    private LeaderboardTable() {}

    public static String render(List<TrialRecord> ranked) {
        if (ranked.isEmpty()) return "(no completed trial yet)";
        Set<String> paramNames = new TreeSet<>();
        for (TrialRecord trial : ranked) paramNames.addAll(trial.params().keySet());
        List<String> header = new ArrayList<>(List.of("rank", "trial", "value"));
        header.addAll(paramNames);
        header.addAll(List.of("epochs run", "test acc"));
        boolean rerun = ranked.stream().anyMatch(t -> t.attributes().containsKey(RerunSummary.MEAN));
        if (rerun) header.add("rerun mean ± std");
        header.add("state");
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            TrialRecord trial = ranked.get(i);
            List<String> row = new ArrayList<>(List.of(String.valueOf(i + 1), String.valueOf(trial.number()),
                    Cells.number(trial.value())));
            for (String name : paramNames) row.add(Cells.param(trial.params().get(name)));
            row.add(trial.attributes().getOrDefault("epochs_trained", ""));
            row.add(Cells.numberText(trial.attributes().get("test_accuracy")));
            if (rerun) row.add(rerunCell(trial));
            row.add(trial.state().name());
            rows.add(row.toArray(String[]::new));
        }
        return AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, header.toArray(String[]::new),
                null, rows.toArray(String[][]::new));
    }

    private static String rerunCell(TrialRecord trial) {
        String mean = trial.attributes().get(RerunSummary.MEAN);
        if (mean == null) return "";
        return RerunSummary.text(Double.parseDouble(mean), Double.parseDouble(trial.attributes().get(RerunSummary.STD)));
    }
}
