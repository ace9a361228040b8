package io.tune4j.trainer.export;

import io.tune4j.search.sampler.TrialSeeds;
import io.tune4j.search.study.Objective;
import io.tune4j.search.study.Trial;
import io.tune4j.search.study.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains a finished trial's params again with fresh seeds, on the same data split, so that a user can tell a
 * lucky seed from a good configuration. The seeds follow from the trial's own ({@link TrialSeeds} of it and
 * 1..n), so re-running a trial twice gives the same seeds and, training being deterministic on a CPU, the
 * same values.
 */
public final class Reruns {
    private Reruns() {}

    /** One training of the trial's params: the seed it used and the objective value it reached. */
    public record Run(long seed, double value) {}

    /**
     * @param objective trains with each trial's own seed (not a pinned training.seed)
     * @param onEach    told each run as it ends, for printing
     */
    public static RerunSummary run(Objective objective, TrialRecord trial, int seeds, Consumer<Run> onEach)
            throws Exception {
        if (seeds < 2) throw new IllegalArgumentException("a spread needs at least 2 seeds, got " + seeds);
        List<Run> runs = new ArrayList<>();
        for (int i = 1; i <= seeds; i++) {
            long seed = TrialSeeds.of(trial.seed(), i);
            Run run = new Run(seed, objective.evaluate(new RerunTrial(trial, seed)));
            runs.add(run);
            onEach.accept(run);
        }
        return new RerunSummary(runs);
    }

    /** The trial's params under another seed; its epochs and attributes are not kept (the trial has its own). */
    private record RerunTrial(TrialRecord trial, long seed) implements Trial {
        @Override
        public int number() {
            return trial.number();
        }

        @Override
        public Map<String, Object> params() {
            return trial.params();
        }

        @Override
        public void report(int step, Map<String, Double> metrics) {}

        @Override
        public void setAttribute(String key, String value) {}
    }
}
