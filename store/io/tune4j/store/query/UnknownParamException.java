package io.tune4j.store.query;

/** A query named a param no trial in the database has. */
public final class UnknownParamException extends IllegalArgumentException {
    public UnknownParamException(String param) {
        super("no trial has a param named '" + param + "'");
    }
}
