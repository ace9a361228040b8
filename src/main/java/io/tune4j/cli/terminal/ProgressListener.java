package io.tune4j.cli.terminal;

import io.tune4j.search.study.StudyListener;
import io.tune4j.search.study.TrialRecord;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr: trials done, the best value so far, elapsed time and ETA. */
public final class ProgressListener implements StudyListener, AutoCloseable {
    private final ProgressBar bar;
    private int failed;

    public ProgressListener(String study, int trials, boolean visible) {
        this.bar = visible ? bar(study, trials) : null;
    }

    private static ProgressBar bar(String study, int trials) {
        return new ProgressBarBuilder()
                .setTaskName(study)
                .setInitialMax(trials)
                .setStyle(ProgressBarStyle.ASCII)
                .setMaxRenderedLength(110)
                .setUnit(" trials", 1)
                .showSpeed()
                .continuousUpdate()
                .build();
    }

    @Override
    public synchronized void trialFinished(TrialRecord trial, TrialRecord best) {
        if (bar == null) return;
        if (trial.error() != null) failed++;
        StringBuilder message = new StringBuilder();
        // The bar prints this right after the speed, with no separator of its own.
        if (best != null) message.append(String.format(" best %.4f (#%d)", best.value(), best.number()));
        if (failed > 0) message.append(", ").append(failed).append(" failed");
        bar.setExtraMessage(message.toString());
        bar.step();
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
