package io.tune4j.search.study;

import java.time.Duration;

/**
 * How a study survives dead processes and failing trials. Each process writes a heartbeat for its running
 * trials every {@code heartbeatInterval}; a RUNNING trial whose heartbeat is older than {@code heartbeatGrace}
 * belongs to a dead process and is failed, then re-queued with the same params unless it has been re-queued
 * {@code retries} times already. {@code maxFailures} failed trials in one run stop it (0: no limit).
 */
public record FaultTolerance(Duration heartbeatInterval, Duration heartbeatGrace, int retries, int maxFailures) {
    /**
     * 10 s costs one tiny UPDATE per process every 10 s whatever the number of trials; a 60 s grace is six
     * missed beats, so a process stalled by a long GC pause or a saturated CPU is not declared dead, while a
     * killed one is noticed within a minute (at once on its own machine, see Study).
     */
    public static final FaultTolerance DEFAULTS = new FaultTolerance(Duration.ofSeconds(10), Duration.ofSeconds(60), 2, 0);

    public FaultTolerance {
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive, got " + heartbeatInterval);
        }
        if (heartbeatGrace.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("heartbeat grace must be at least twice the interval ("
                    + heartbeatInterval.multipliedBy(2).toMillis() + " ms), got " + heartbeatGrace.toMillis()
                    + " ms: a live process would be declared dead between two beats");
        }
        if (retries < 0) throw new IllegalArgumentException("retries must be >= 0, got " + retries);
        if (maxFailures < 0) throw new IllegalArgumentException("max_failures must be >= 0, got " + maxFailures);
    }
}
