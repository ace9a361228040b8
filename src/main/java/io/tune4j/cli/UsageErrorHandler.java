package io.tune4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A mistyped option or argument gets one line naming it and where to find the usage, and exit code 2, like
 * every other input mistake; picocli's default prints the whole usage, which buries the one line that matters.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        command.getErr().println(name + ": " + failure.getMessage() + " (see '" + name + " --help')");
        return UserErrorHandler.USER_ERROR;
    }
}
