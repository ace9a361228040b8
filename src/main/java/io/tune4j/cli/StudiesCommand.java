package io.tune4j.cli;

import io.tune4j.cli.terminal.StudiesTable;
import io.tune4j.search.study.StudyStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "studies", mixinStandardHelpOptions = true,
        description = "List every study in the results database.")
final class StudiesCommand implements Callable<Integer> {
    @Mixin
    ResultsOption results;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (StudyStore store = results.openExisting()) {
            spec.commandLine().getOut().println(StudiesTable.render(store.studies()));
        }
        return 0;
    }
}
