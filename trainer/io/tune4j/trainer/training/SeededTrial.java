package io.tune4j.trainer.training;

import io.tune4j.search.study.Trial;
import java.util.Map;

/** A trial that trains with another seed than its own (training.seed of a re-run file); all else goes to it. */
final class SeededTrial implements Trial {
    private final Trial trial;
    private final long seed;

    SeededTrial(Trial trial, long seed) {
        this.trial = trial;
        this.seed = seed;
    }

    @Override
    public int number() {
        return trial.number();
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Map<String, Object> params() {
        return trial.params();
    }

    @Override
    public void report(int step, Map<String, Double> metrics) {
        trial.report(step, metrics);
    }

    @Override
    public boolean shouldPrune() {
        return trial.shouldPrune();
    }

    @Override
    public void recordDevice(String device) {
        trial.recordDevice(device);
    }

    @Override
    public void setAttribute(String key, String value) {
        trial.setAttribute(key, value);
    }
}
