package io.tune4j.search.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the RUNNING trials of a study that no process runs any more, and hands each to the store to be failed
 * and re-queued (the store makes sure only one process claims it). Dead means: no heartbeat for the grace
 * period, or, without waiting for it, a worker process of this machine that has ended, the common case of a
 * run killed and restarted on the same machine.
 */
final class StaleTrials {
    private final StudyStore store;
    private final long studyId;
    private final FaultTolerance faults;

    StaleTrials(StudyStore store, long studyId, FaultTolerance faults) {
        this.store = store;
        this.studyId = studyId;
        this.faults = faults;
    }

    /** Reclaims the dead trials other than {@code ours} (which this process runs) and says what became of them. */
    List<Reclaimed> reclaim(Set<Long> ours) {
        List<Reclaimed> reclaimed = new ArrayList<>();
        for (RunningTrial trial : store.runningTrials(studyId)) {
            if (ours.contains(trial.id())) continue;
            deathOf(trial).flatMap(reason -> store.reclaim(trial, reason, faults.retries())).ifPresent(reclaimed::add);
        }
        return reclaimed;
    }

    private Optional<String> deathOf(RunningTrial trial) {
        String last = trial.heartbeatAt() == null ? "never" : "at " + trial.heartbeatAt();
        if (trial.sinceHeartbeat().compareTo(faults.heartbeatGrace()) > 0) {
            return Optional.of("worker " + trial.worker() + " stopped sending heartbeats " + last + " (grace "
                    + faults.heartbeatGrace().toMillis() / 1000.0 + " s)");
        }
        if (WorkerName.hasEndedOnThisMachine(trial.worker())) {
            return Optional.of("worker " + trial.worker() + " ended while running this trial (last heartbeat "
                    + last + ")");
        }
        return Optional.empty();
    }
}
