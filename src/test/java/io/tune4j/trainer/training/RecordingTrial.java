package io.tune4j.trainer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tune4j.search.study.Trial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A trial that keeps what the objective tells it, as the study store would. */
final class RecordingTrial implements Trial {
    final List<Map<String, Double>> reports = new ArrayList<>();
    final Map<String, String> attributes = new HashMap<>();
    private final int number;
    private final long seed;
    private final Map<String, Object> params;

    RecordingTrial(int number, long seed, Map<String, Object> params) {
        this.number = number;
        this.seed = seed;
        this.params = params;
    }

    @Override public int number() { return number; }

    @Override public long seed() { return seed; }

    @Override public Map<String, Object> params() { return params; }

    @Override
    public void report(int step, Map<String, Double> metrics) {
        assertEquals(reports.size() + 1, step, "epochs are reported in order from 1");
        reports.add(metrics);
    }

    @Override
    public void setAttribute(String key, String value) {
        attributes.put(key, value);
    }
}
