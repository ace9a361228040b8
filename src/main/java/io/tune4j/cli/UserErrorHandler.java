package io.tune4j.cli;

import io.tune4j.search.spec.SpecException;
import io.tune4j.store.StoreException;
import io.tune4j.trainer.data.DatasetException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a mistake in the user's input, or a results database that cannot be used (locked, newer), into one
 * line on stderr and exit code 2; anything else is a bug in tune4j and keeps its stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult)
            throws Exception {
        if (failure instanceof SpecException || failure instanceof UserError || failure instanceof DatasetException
                || failure instanceof StoreException || failure instanceof UncheckedIOException) {
            commandLine.getErr().println("tune4j: " + failure.getMessage());
            return USER_ERROR;
        }
        throw failure;
    }
}
