package io.tune4j.dashboard.api;

/** A request the API cannot serve as asked; the message names the parameter. Answered with 400. */
public final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
        super(message);
    }
}
