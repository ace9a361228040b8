package io.tune4j.search.benchmark;

import io.tune4j.search.sampler.Sampler;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.Study;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a sampler on a test function through the product's own study engine and store, so what is measured
 * includes everything a real study does around the sampler (history, pending trials, records).
 */
public final class SamplerBenchmark {
    private final Supplier<StudyStore> stores;

    /** {@code stores} gives a fresh, empty store for each run. */
    public SamplerBenchmark(Supplier<StudyStore> stores) {
        this.stores = stores;
    }

    public SamplerRun run(TestFunction function, Sampler sampler, int trials) {
        TimedSampler timed = new TimedSampler(sampler);
        try (StudyStore store = stores.get()) {
            StudyDefinition definition = new StudyDefinition(function.name() + "-" + sampler.name() + "-"
                    + sampler.seed(), Direction.MINIMIZE, "value");
            Study study = Study.open(definition, function.space(), timed, store);
            List<TrialRecord> done = study.optimize(trial -> function.value(trial.params()), trials);
            return new SamplerRun(function.name(), sampler.name(), sampler.seed(), regretByTrial(function, done),
                    timed.meanMillis());
        }
    }

    private static double[] regretByTrial(TestFunction function, List<TrialRecord> done) {
        double[] regret = new double[done.size()];
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < regret.length; i++) {
            TrialRecord trial = done.get(i);
            if (trial.valueIfComplete().isPresent()) best = Math.min(best, trial.value());
            regret[i] = best - function.minimum();
        }
        return regret;
    }
}
