package io.tune4j.cli;

import io.tune4j.search.study.Reclaimed;
import java.io.PrintWriter;
import java.util.List;

/** Tells the user, one line per trial, what became of the trials a dead run left behind. */
final class StaleTrialLines {
    private StaleTrialLines() {}

    static void print(List<Reclaimed> reclaimed, PrintWriter out) {
        for (Reclaimed dead : reclaimed) {
            String fate = dead.requeued().map(copy -> "re-queued as trial " + copy.number() + " with the same params")
                    .orElse("failed: its retries are spent");
            out.println("trial " + dead.failed().number() + " was left running by a dead process ("
                    + dead.failed().error() + "); " + fate);
        }
    }
}
