package io.tune4j.search.study;

/** The life of a trial, in Optuna's words. */
public enum TrialState {
    WAITING,
    RUNNING,
    COMPLETE,
    PRUNED,
    FAILED;

    public boolean isFinished() {
        return this == COMPLETE || this == PRUNED || this == FAILED;
    }
}
