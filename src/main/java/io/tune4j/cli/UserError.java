package io.tune4j.cli;

/** A mistake in what the user asked for (an unknown study, a bad data file): reported without a stack trace. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
