package io.tune4j.cli.terminal;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Trials in number order: state, value, epochs, how long, params in one cell, and why a trial failed. A running
 * trial shows how far it has got: its latest epoch, the objective metric there, and its seconds so far.
 */
public final class TrialsTable {
    /** Wide cells wrap at this width so a row stays readable in a terminal. */
    private static final int TEXT_WIDTH = 70;

    private TrialsTable() {}

    /** {@code running}: the latest epoch of each RUNNING trial, by trial id; {@code now} ends their seconds. */
    public static String render(List<TrialRecord> trials, Map<Long, LatestEpoch> running, Instant now) {
        if (trials.isEmpty()) return "(no trial)";
        return AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, trials, List.of(
                new Column().header("trial").with(t -> String.valueOf(t.number())),
                new Column().header("state").dataAlign(HorizontalAlign.LEFT).with(t -> t.state().name()),
                new Column().header("value").with(t -> running.containsKey(t.id())
                        ? Cells.number(running.get(t.id()).value()) : Cells.number(t.value())),
                new Column().header("epochs run").with(t -> running.containsKey(t.id())
                        ? String.valueOf(running.get(t.id()).epoch()) : epochs(t)),
                new Column().header("seconds").with(t -> Cells.seconds(t.startedAt(),
                        t.state() == TrialState.RUNNING ? now : t.finishedAt())),
                new Column().header("params").dataAlign(HorizontalAlign.LEFT).maxWidth(TEXT_WIDTH)
                        .with(t -> Cells.params(t.params())),
                new Column().header("error").dataAlign(HorizontalAlign.LEFT).maxWidth(TEXT_WIDTH)
                        .with(t -> t.error() == null ? "" : t.error())));
    }

    private static String epochs(TrialRecord trial) {
        return trial.attributes().getOrDefault("epochs_trained", trial.attributes().getOrDefault("pruned_at_epoch", ""));
    }
}
