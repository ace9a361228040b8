package io.tune4j.search.study;

/** Hears a study's progress, e.g. to draw a progress bar; the default methods ignore everything. */
public interface StudyListener {

    default void trialStarted(TrialRecord trial) {}

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
            public void trialFinished(TrialRecord trial, TrialRecord best) {
                for (StudyListener listener : listeners) listener.trialFinished(trial, best);
            }
        };
    }
}
