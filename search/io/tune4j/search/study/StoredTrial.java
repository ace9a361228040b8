package io.tune4j.search.study;

import io.tune4j.search.pruner.Pruner;
import java.util.Map;

/**
 * The trial an objective runs, writing every report straight through to the store and into the curves the
 * pruner reads, then telling the study's listener.
 */
final class StoredTrial implements Trial {
    private final StudyStore store;
    private final TrialRecord record;
    private final Map<String, Object> params;
    private final IntermediateCurves curves;
    private final Pruner pruner;
    private final Direction direction;
    private final StudyListener listener;

    StoredTrial(StudyStore store, TrialRecord record, Map<String, Object> params, IntermediateCurves curves,
                Pruner pruner, Direction direction, StudyListener listener) {
        this.store = store;
        this.record = record;
        this.params = Map.copyOf(params);
        this.curves = curves;
        this.pruner = pruner;
        this.direction = direction;
        this.listener = listener;
    }

    TrialRecord record() {
        return record;
    }

    long id() {
        return record.id();
    }

    @Override
    public int number() {
        return record.number();
    }

    @Override
    public long seed() {
        return record.seed();
    }

    @Override
    public Map<String, Object> params() {
        return params;
    }

    @Override
    public void report(int step, Map<String, Double> metrics) {
        store.reportIntermediate(record.id(), step, metrics);
        curves.report(record.number(), step, metrics);
        listener.trialReported(record, step, metrics);
    }

    @Override
    public boolean shouldPrune() {
        return pruner.shouldPrune(curves.of(record.number()), curves.othersThan(record.number()), direction);
    }

    @Override
    public void setAttribute(String key, String value) {
        store.setTrialAttribute(record.id(), key, value);
    }

    @Override
    public void recordDevice(String device) {
        store.setDevice(record.id(), device);
    }
}
