package io.tune4j.trainer.cluster;

/** The cluster cannot be used as asked: a node that cannot start, a study that never answers. */
public final class ClusterException extends RuntimeException {
    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
