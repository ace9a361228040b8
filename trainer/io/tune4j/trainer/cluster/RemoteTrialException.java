package io.tune4j.trainer.cluster;

/** A trial that failed on its cluster worker: the message is the worker's one-line account of the failure. */
public final class RemoteTrialException extends RuntimeException {
    public RemoteTrialException(String message) {
        super(message);
    }
}
