package io.tune4j.search.study;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The reason stored for a failed trial: the exception chain in one line, wrappers of the runner left out. */
public final class FailureText {
    private FailureText() {}

    public static String of(Throwable failure) {
        Throwable cause = rootOf(failure);
        StringBuilder text = new StringBuilder();
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) text.append(" <- caused by ");
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) text.append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    /** The failure without the runner's wrappers (CompletionException, ExecutionException); null stays null. */
    public static Throwable rootOf(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
