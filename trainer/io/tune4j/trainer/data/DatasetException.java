package io.tune4j.trainer.data;

/** A dataset cannot be read: the message names the file and, where there is one, the line and column. */
public final class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
