package io.tune4j.cli.terminal;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import io.tune4j.search.study.TrialRecord;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Trials in number order: state, value, epochs, how long, params in one cell, and why a trial failed. */
public final class TrialsTable {
    /** Wide cells wrap at this width so a row stays readable in a terminal. */
    private static final int TEXT_WIDTH = 70;

    private TrialsTable() {}

    public static String render(List<TrialRecord> trials) {
        if (trials.isEmpty()) return "(no trial)";
        return AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, trials, List.of(
                new Column().header("trial").with(t -> String.valueOf(t.number())),
                new Column().header("state").dataAlign(HorizontalAlign.LEFT).with(t -> t.state().name()),
                new Column().header("value").with(t -> Cells.number(t.value())),
                new Column().header("epochs run").with(t -> t.attributes().getOrDefault("epochs_trained",
                        t.attributes().getOrDefault("pruned_at_epoch", ""))),
                new Column().header("seconds").with(TrialsTable::seconds),
                new Column().header("params").dataAlign(HorizontalAlign.LEFT).maxWidth(TEXT_WIDTH)
                        .with(TrialsTable::params),
                new Column().header("error").dataAlign(HorizontalAlign.LEFT).maxWidth(TEXT_WIDTH)
                        .with(t -> t.error() == null ? "" : t.error())));
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
}
