package io.tune4j.search.study;

import java.util.Map;

/**
 * Hears a study's progress, e.g. to draw a progress bar; the default methods ignore everything. Called from
 * the threads that run trials, at once: an implementation must be quick and safe for concurrent calls.
 */
public interface StudyListener {

    default void trialStarted(TrialRecord trial) {}

    /**
     * A running trial reported the metrics of one step (an epoch), after they were stored. Whatever runs the
     * trial (a thread, a worker process, a cluster worker), the report reaches the study and so this method.
     */
    default void trialReported(TrialRecord trial, int step, Map<String, Double> metrics) {}

    default void trialFinished(TrialRecord trial, TrialRecord best) {}

    StudyListener NONE = new StudyListener() {};

    /** One listener that tells each of {@code listeners} in turn. */
    static StudyListener all(StudyListener... listeners) {
        return new StudyListener() {
            @Override
            public void trialStarted(TrialRecord trial) {
                for (StudyListener listener : listeners) listener.trialStarted(trial);
            }

            @Override
            public void trialReported(TrialRecord trial, int step, Map<String, Double> metrics) {
                for (StudyListener listener : listeners) listener.trialReported(trial, step, metrics);
            }

            @Override
            public void trialFinished(TrialRecord trial, TrialRecord best) {
                for (StudyListener listener : listeners) listener.trialFinished(trial, best);
            }
        };
    }
}
