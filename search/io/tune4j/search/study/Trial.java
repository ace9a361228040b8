package io.tune4j.search.study;

import java.util.Map;

/** What an objective sees of the trial it evaluates: its params and seed, and where to report progress. */
public interface Trial {

    int number();

    /** The study's seed plus the trial number: seed everything random in the trial with it. */
    long seed();

    Map<String, Object> params();

    /** Records the metrics of one step (an epoch) at once, so a crash later loses none of them. */
    void report(int step, Map<String, Double> metrics);

    /**
     * Whether the study's pruner says this trial should stop, judged on what it has reported so far; an
     * objective asks after each {@link #report} and, if so, throws {@link TrialPrunedException}.
     */
    default boolean shouldPrune() {
        return false;
    }

    /** Called by the runner that placed the trial: the device it runs on (cpu:0, cuda:1, ...). */
    default void recordDevice(String device) {}

    /** Keeps a named result beside the value (e.g. test_accuracy, best_epoch). */
    void setAttribute(String key, String value);

    default Object get(String name) {
        Object value = params().get(name);
        if (value == null) throw new IllegalArgumentException("trial " + number() + " has no param '" + name + "'");
        return value;
    }

    default double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    default int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    default String getString(String name) {
        return String.valueOf(get(name));
    }

    default boolean has(String name) {
        return params().containsKey(name);
    }
}
