package io.tune4j.cli;

import io.tune4j.cli.bench.BenchCommand;
import io.tune4j.cli.data.DataCommand;
import io.tune4j.trainer.network.UserClasspath;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tune4j} command: wires the parts together and keeps nothing of its own. */
@Command(name = "tune4j", mixinStandardHelpOptions = true, version = "tune4j 0.1.0",
        description = "Hyperparameter search for Deeplearning4j networks.",
        subcommands = {RunCommand.class, StudiesCommand.class, LeaderboardCommand.class, TrialsCommand.class,
                ExportCommand.class, PredictCommand.class, EvaluateCommand.class, EnqueueCommand.class, RerunCommand.class, ReportCommand.class, DashboardCommand.class, NoteCommand.class, DataCommand.class, BenchCommand.class,
                WorkerCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        String userClasses = System.getenv("TUNE4J_CLASSPATH");
        if (userClasses != null && !userClasses.isBlank()) {
            try {
                UserClasspath.add(userClasses);
            } catch (IllegalArgumentException e) {
                System.err.println("tune4j: TUNE4J_CLASSPATH: " + e.getMessage());
                System.exit(2);
            }
        }
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run commands through it exactly as a user would. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new UserErrorHandler())
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
