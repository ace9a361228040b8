package io.tune4j.cli.terminal;

import io.tune4j.search.study.TrialRecord;
import java.io.PrintWriter;

/** The run's progress where there is no terminal (a pipe, a file, a CI log): one line per finished trial. */
final class TrialLog implements ProgressDisplay {
    private final PrintWriter out;

    TrialLog(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void trialFinished(TrialRecord trial, TrialRecord best) {
        out.println(TrialLine.of(trial));
        out.flush();
    }
}
