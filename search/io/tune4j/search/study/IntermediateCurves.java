package io.tune4j.search.study;

import io.tune4j.search.pruner.LearningCurve;
import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objective metric's learning curve of every trial of the study, kept in memory as trials report (and
 * loaded from the store when a study continues), which is what pruners read. Each curve is replaced, never
 * changed, so a pruner walking the others while trials report in other threads sees whole curves.
 */
final class IntermediateCurves {
    private final String metric;
    private final boolean keepFinished;
    private final Map<Integer, LearningCurve> byTrial = new ConcurrentHashMap<>();

    /**
     * {@code keepFinished}: whether ended trials' curves stay (a pruner compares against them); without a
     * pruner only running trials are held, so a study of 100,000 trials does not hold millions of values.
     */
    IntermediateCurves(String metric, boolean keepFinished) {
        this.metric = metric;
        this.keepFinished = keepFinished;
    }

    /** Loads the curve of a trial that ended in an earlier run. */
    void load(TrialRecord trial, List<IntermediateValue> values) {
        TreeMap<Integer, Double> curve = new TreeMap<>();
        for (IntermediateValue value : values) {
            if (value.metric().equals(metric)) curve.put(value.step(), value.value());
        }
        byTrial.put(trial.number(), new LearningCurve(trial.number(), trial.state(), curve));
    }

    void started(int number) {
        byTrial.put(number, new LearningCurve(number, TrialState.RUNNING, new TreeMap<>()));
    }

    /** Adds the step when the metrics hold the objective's metric; other metrics do not make a curve. */
    void report(int number, int step, Map<String, Double> metrics) {
        Double value = metrics.get(metric);
        if (value == null) return;
        byTrial.compute(number, (n, old) -> {
            TreeMap<Integer, Double> values = old == null ? new TreeMap<>() : new TreeMap<>(old.values());
            values.put(step, value);
            return new LearningCurve(n, old == null ? TrialState.RUNNING : old.state(), values);
        });
    }

    void finished(int number, TrialState state) {
        if (!keepFinished) {
            byTrial.remove(number);
            return;
        }
        byTrial.computeIfPresent(number, (n, old) -> new LearningCurve(n, state, old.values()));
    }

    LearningCurve of(int number) {
        return byTrial.getOrDefault(number, new LearningCurve(number, TrialState.RUNNING, new TreeMap<>()));
    }

    /** Every curve but trial {@code number}'s: a live view, not a copy (a long study has many). */
    Collection<LearningCurve> othersThan(int number) {
        return new AbstractCollection<>() {
            @Override
            public Iterator<LearningCurve> iterator() {
                return byTrial.values().stream().filter(curve -> curve.trialNumber() != number).iterator();
            }

            @Override
            public int size() {
                return byTrial.containsKey(number) ? byTrial.size() - 1 : byTrial.size();
            }
        };
    }

    /** The last step at which a trial reported the objective metric, or -1 if it reported none. */
    int lastStep(int number) {
        LearningCurve curve = byTrial.get(number);
        return curve == null || curve.values().isEmpty() ? -1 : curve.values().lastKey();
    }

    /** The last value of the objective metric a trial reported, or null if it reported none. */
    Double lastValue(int number) {
        LearningCurve curve = byTrial.get(number);
        return curve == null || curve.values().isEmpty() ? null : curve.values().lastEntry().getValue();
    }
}
