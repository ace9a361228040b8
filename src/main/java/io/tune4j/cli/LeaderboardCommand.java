package io.tune4j.cli;

import io.tune4j.cli.terminal.LeaderboardTable;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudyStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "leaderboard", mixinStandardHelpOptions = true,
        description = "The best completed trials of a study.")
final class LeaderboardCommand implements Callable<Integer> {
    @Mixin
    ResultsOption results;

    @Parameters(paramLabel = "STUDY")
    String study;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Number of trials (default: ${DEFAULT-VALUE}).")
    int top;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (top <= 0) throw new UserError("--top must be > 0, got " + top);
        try (StudyStore store = results.openExisting()) {
            StudyRecord record = ResultsOption.requireStudy(store, study);
            spec.commandLine().getOut().printf("%s: %s, %s%n%s%n", record.name(), record.definition().metric(),
                    record.definition().direction().name().toLowerCase(),
                    LeaderboardTable.render(store.topTrials(record.id(), top), record.definition().metric()));
        }
        return 0;
    }
}
