package io.tune4j.cli.terminal;

import io.tune4j.search.study.Direction;
import java.time.Instant;

/**
 * Where one running trial is: the last epoch it reported out of its budget, the objective metric at that
 * epoch and the best of it so far. Replaced, never changed, at each report.
 */
record TrialProgress(int number, int epochs, Instant startedAt, int epoch, Double latest, Double best) {

    static TrialProgress started(int number, int epochs, Instant startedAt) {
        return new TrialProgress(number, epochs, startedAt, 0, null, null);
    }

    /** After epoch {@code step}; {@code value} is null when the report did not hold the objective metric. */
    TrialProgress reported(int step, Double value, Direction direction) {
        if (value == null) return new TrialProgress(number, epochs, startedAt, step, latest, best);
        boolean better = best == null || direction.isBetter(value, best);
        return new TrialProgress(number, epochs, startedAt, step, value, better ? value : best);
    }
}
