package io.tune4j.cli.terminal;

import io.tune4j.search.study.TrialRecord;
import java.util.Locale;

/**
 * One finished trial on one line, for a log or above the live progress: number, state, value, seconds,
 * epochs, params, and the reason of a failure.
 */
final class TrialLine {
    private TrialLine() {}

    static String of(TrialRecord trial) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "trial %d %s", trial.number(), trial.state()));
        if (trial.value() != null) line.append(' ').append(Cells.number(trial.value()));
        String seconds = Cells.seconds(trial.startedAt(), trial.finishedAt());
        if (!seconds.isEmpty()) line.append(" in ").append(seconds).append(" s");
        String epochs = trial.attributes().get("epochs_trained");
        if (epochs != null) line.append(", ").append(epochs).append(" epochs");
        String prunedAt = trial.attributes().get("pruned_at_epoch");
        if (prunedAt != null) line.append(", pruned at epoch ").append(prunedAt);
        if (!trial.params().isEmpty()) line.append(": ").append(Cells.params(trial.params()));
        if (trial.error() != null) line.append(" -- ").append(trial.error().lines().findFirst().orElse(""));
        return line.toString();
    }
}
