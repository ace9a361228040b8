package io.tune4j.search.study;

/** Hears a study's progress, e.g. to draw a progress bar; the default methods ignore everything. */
public interface StudyListener {

    default void trialStarted(TrialRecord trial) {}

    default void trialFinished(TrialRecord trial, TrialRecord best) {}

    StudyListener NONE = new StudyListener() {};
}
