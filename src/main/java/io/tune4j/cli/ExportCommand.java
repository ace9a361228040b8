package io.tune4j.cli;

import io.tune4j.search.study.StudyStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the best trials' params.yaml, network.json, BestNetwork.java and model.zip "
        + "to <results>/<study>/best-<rank>/ (or under --to).")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    ClasspathOption classpath;

    @Mixin
    ResultsOption results;

    @Parameters(paramLabel = "STUDY")
    String study;

    @Option(names = "--top", paramLabel = "N", defaultValue = "1",
            description = "Number of trials to export (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--to", paramLabel = "DIR",
            description = "Write the exports to DIR/<study>/best-<rank>/ instead of the results folder (e.g. when"
                    + " it is read-only).")
    Path to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (top <= 0) throw new UserError("--top must be > 0, got " + top);
        try (StudyStore store = results.openExisting()) {
            new BestExporter(store, results, to != null ? to : results.dir).export(ResultsOption.requireStudy(store, study), top)
                    .forEach(exported -> spec.commandLine().getOut().println(exported.line()));
        }
        return 0;
    }
}
