package io.tune4j.cli.terminal;

import com.github.freva.asciitable.AsciiTable;
import io.tune4j.search.study.TrialRecord;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Trials in number order: state, value, epochs, how long, params in one cell, and why a trial failed. */
public final class TrialsTable {
    /** Failure reasons can be whole exception chains; the table shows their start. */
    private static final int REASON_WIDTH = 80;

    private TrialsTable() {}

    public static String render(List<TrialRecord> trials) {
        if (trials.isEmpty()) return "(no trial)";
        String[] header = {"trial", "state", "value", "epochs run", "seconds", "params", "error"};
        String[][] rows = trials.stream().map(t -> new String[] {
                String.valueOf(t.number()), t.state().name(), Cells.number(t.value()),
                t.attributes().getOrDefault("epochs_trained", ""), seconds(t), params(t), reason(t)})
                .toArray(String[][]::new);
        return AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, header, null, rows);
    }

    private static String seconds(TrialRecord trial) {
        if (trial.startedAt() == null || trial.finishedAt() == null) return "";
        return String.format("%.1f", Duration.between(trial.startedAt(), trial.finishedAt()).toMillis() / 1000.0);
    }

    private static String params(TrialRecord trial) {
        return trial.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + Cells.param(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String reason(TrialRecord trial) {
        String error = trial.error() == null ? "" : trial.error().replace('\n', ' ');
        return error.length() <= REASON_WIDTH ? error : error.substring(0, REASON_WIDTH - 1) + "…";
    }
}
