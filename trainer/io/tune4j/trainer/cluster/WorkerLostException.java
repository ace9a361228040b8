package io.tune4j.trainer.cluster;

/** A trial whose cluster worker was lost (dead, or silent past the grace period) on every attempt allowed. */
public final class WorkerLostException extends RuntimeException {
    public WorkerLostException(String message) {
        super(message);
    }
}
