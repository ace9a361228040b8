package io.tune4j.store.query;

/** A query named a param no trial of the study has. */
public final class UnknownParamException extends IllegalArgumentException {
    public UnknownParamException(String param) {
        super("no trial of this study has a param named '" + param + "'");
    }
}
