package io.tune4j.search.study;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One thread per study process that marks all of its running trials alive in one statement every interval.
 * A trial that reports epochs beats as well, but one epoch can take longer than the grace period, so the
 * beat must not depend on the trial's progress.
 */
final class HeartbeatWriter implements AutoCloseable {
    private final ScheduledExecutorService timer;

    HeartbeatWriter(StudyStore store, Set<Long> running, Duration interval) {
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tune4j-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> beat(store, running), millis, millis, TimeUnit.MILLISECONDS);
    }

    private static void beat(StudyStore store, Set<Long> running) {
        try {
            store.heartbeat(List.copyOf(running));
        } catch (RuntimeException e) {
            // A missed beat is harmless unless they all fail for the whole grace period; a later one may work
            // (e.g. while a shared database changes hands). The thread must survive to try.
            System.err.println("tune4j: heartbeat not written: " + FailureText.of(e));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
