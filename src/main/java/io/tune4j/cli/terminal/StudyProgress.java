package io.tune4j.cli.terminal;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyListener;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * What a run has done so far, kept from the study's events: trials finished out of the run's budget, the best
 * value, and each running trial's epoch, latest value and best value of the objective metric. Renders that as
 * the lines of the live display.
 */
final class StudyProgress implements StudyListener {
    private static final int BAR_WIDTH = 10;

    private final String study;
    private final int trials;
    private final String metric;
    private final Direction direction;
    private final ToIntFunction<Map<String, Object>> epochBudget;
    private final Instant startedAt;
    private final Map<Integer, TrialProgress> running = new TreeMap<>();
    private int finished;
    private int failed;
    private int pruned;
    private TrialRecord best;

    /**
     * {@code epochBudget}: the most epochs a trial with those params trains, for "epoch 4/30". {@code trials}
     * is the run's budget, {@code metric} and {@code direction} the study's objective.
     */
    StudyProgress(String study, int trials, String metric, Direction direction,
                  ToIntFunction<Map<String, Object>> epochBudget, Instant startedAt) {
        this.study = study;
        this.trials = trials;
        this.metric = metric;
        this.direction = direction;
        this.epochBudget = epochBudget;
        this.startedAt = startedAt;
    }

    @Override
    public synchronized void trialStarted(TrialRecord trial) {
        Instant since = trial.startedAt() == null ? Instant.now() : trial.startedAt();
        running.put(trial.number(), TrialProgress.started(trial.number(), epochBudget.applyAsInt(trial.params()), since));
    }

    @Override
    public synchronized void trialReported(TrialRecord trial, int step, Map<String, Double> metrics) {
        running.computeIfPresent(trial.number(), (n, progress) -> progress.reported(step, metrics.get(metric), direction));
    }

    @Override
    public synchronized void trialFinished(TrialRecord trial, TrialRecord bestSoFar) {
        running.remove(trial.number());
        finished++;
        if (trial.state() == TrialState.FAILED) failed++;
        if (trial.state() == TrialState.PRUNED) pruned++;
        best = bestSoFar;
    }

    /** The live display at {@code now}: a summary line, then one line per running trial in number order. */
    synchronized List<String> lines(Instant now) {
        List<String> lines = new ArrayList<>();
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "%s: %d/%d trials", study, finished, trials));
        if (pruned > 0) summary.append(", ").append(pruned).append(" pruned");
        if (failed > 0) summary.append(", ").append(failed).append(" failed");
        if (best != null) {
            summary.append(", best ").append(Cells.number(best.value())).append(" (trial ").append(best.number())
                    .append(')');
        }
        Duration elapsed = Duration.between(startedAt, now);
        summary.append(", ").append(Cells.clock(elapsed));
        if (finished > 0 && finished < trials) {
            summary.append(", about ").append(Cells.clock(elapsed.multipliedBy(trials - finished).dividedBy(finished)))
                    .append(" left");
        }
        lines.add(summary.toString());
        for (TrialProgress trial : running.values()) lines.add(line(trial, now));
        return lines;
    }

    private String line(TrialProgress trial, Instant now) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  trial %d  epoch %d/%d %s", trial.number(),
                trial.epoch(), trial.epochs(), bar(trial.epoch(), trial.epochs())));
        if (trial.latest() != null) {
            line.append("  ").append(metric).append(' ').append(Cells.number(trial.latest()))
                    .append(" (best ").append(Cells.number(trial.best())).append(')');
        }
        line.append("  ").append(Cells.clock(Duration.between(trial.startedAt(), now)));
        return line.toString();
    }

    private static String bar(int done, int of) {
        int filled = of <= 0 ? 0 : Math.min(BAR_WIDTH, done * BAR_WIDTH / of);
        return "[" + "=".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "]";
    }
}
