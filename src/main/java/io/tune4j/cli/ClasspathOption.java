package io.tune4j.cli;

import io.tune4j.trainer.network.UserClasspath;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --classpath PATHS}: jars or folders holding the user's network classes ({@code network: {class: …}}). */
final class ClasspathOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--classpath", paramLabel = "PATHS",
            description = "Jars or folders (separated by ':') holding your network classes; TUNE4J_CLASSPATH too.")
    void add(String paths) {
        try {
            UserClasspath.add(paths);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--classpath: " + e.getMessage());
        }
    }
}
