package io.tune4j.dashboard.api;

/** A study, trial or file that does not exist. Answered with 404. */
public final class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
