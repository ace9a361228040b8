package io.tune4j.trainer.pool;

/** A trial in a worker process failed, or the process died; the message says which and why. */
public final class WorkerProcessException extends RuntimeException {
    public WorkerProcessException(String message) {
        super(message);
    }
}
