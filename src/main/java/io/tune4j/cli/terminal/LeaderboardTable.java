package io.tune4j.cli.terminal;

import com.github.freva.asciitable.AsciiTable;
import io.tune4j.search.study.TrialRecord;
import java.util.ArrayList;
import java.util.TreeSet;
import java.util.List;
import java.util.Set;

/** The leaderboard as a text table: rank, trial, value, every param (by name), epochs, state. */
public final class LeaderboardTable {
    private LeaderboardTable() {}

    public static String render(List<TrialRecord> ranked) {
        if (ranked.isEmpty()) return "(no completed trial yet)";
        Set<String> paramNames = new TreeSet<>();
        for (TrialRecord trial : ranked) paramNames.addAll(trial.params().keySet());
        List<String> header = new ArrayList<>(List.of("rank", "trial", "value"));
        header.addAll(paramNames);
        header.addAll(List.of("epochs run", "test acc", "state"));
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            TrialRecord trial = ranked.get(i);
            List<String> row = new ArrayList<>(List.of(String.valueOf(i + 1), String.valueOf(trial.number()),
                    Cells.number(trial.value())));
            for (String name : paramNames) row.add(Cells.param(trial.params().get(name)));
            row.add(trial.attributes().getOrDefault("epochs_trained", ""));
            row.add(Cells.numberText(trial.attributes().get("test_accuracy")));
            row.add(trial.state().name());
            rows.add(row.toArray(String[]::new));
        }
        return AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, header.toArray(String[]::new),
                null, rows.toArray(String[][]::new));
    }
}
