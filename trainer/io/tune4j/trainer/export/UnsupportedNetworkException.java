package io.tune4j.trainer.export;

/** A network configuration holding something {@link NetworkSource} cannot write as builder code; the message says what. */
public final class UnsupportedNetworkException extends RuntimeException {
    public UnsupportedNetworkException(String message) {
        super(message);
    }
}
