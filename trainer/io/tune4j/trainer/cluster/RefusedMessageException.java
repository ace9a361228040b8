package io.tune4j.trainer.cluster;

/** An event bus message that was not sealed with the cluster's secret, or was replayed: it is not acted on. */
final class RefusedMessageException extends RuntimeException {
    RefusedMessageException(String reason) {
        super("message refused: " + reason);
    }
}
