package io.tune4j.search.study;

import java.util.Map;

/** The trial an objective runs, writing every report straight through to the store. */
final class StoredTrial implements Trial {
    private final StudyStore store;
    private final TrialRecord record;
    private final Map<String, Object> params;

    StoredTrial(StudyStore store, TrialRecord record, Map<String, Object> params) {
        this.store = store;
        this.record = record;
        this.params = Map.copyOf(params);
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
    }

    @Override
    public void setAttribute(String key, String value) {
        store.setTrialAttribute(record.id(), key, value);
    }
}
