package io.tune4j.cli;

import io.tune4j.cli.terminal.LatestEpoch;
import io.tune4j.cli.terminal.TrialsTable;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "trials", mixinStandardHelpOptions = true,
        description = "The latest trials of a study in any state: a running trial with its latest epoch and value,"
                + " a failed one with its reason.")
final class TrialsCommand implements Callable<Integer> {
    @Mixin
    ResultsOption results;

    @Parameters(paramLabel = "STUDY")
    String study;

    @Option(names = "--state", paramLabel = "STATE",
            description = "Only trials in this state: ${COMPLETION-CANDIDATES}.")
    TrialState state;

    @Option(names = "--last", paramLabel = "N", defaultValue = "20",
            description = "Number of trials, newest last (default: ${DEFAULT-VALUE}).")
    int last;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (last <= 0) throw new UserError("--last must be > 0, got " + last);
        try (StudyStore store = results.openExisting()) {
            StudyRecord record = ResultsOption.requireStudy(store, study);
            List<TrialRecord> matching = store.trials(record.id()).stream()
                    .filter(t -> state == null || t.state() == state)
                    .toList();
            List<TrialRecord> shown = matching.subList(Math.max(0, matching.size() - last), matching.size());
            Map<Long, LatestEpoch> running = new HashMap<>();
            for (TrialRecord trial : shown) {
                if (trial.state() != TrialState.RUNNING) continue;
                running.put(trial.id(), LatestEpoch.of(store.intermediateValues(trial.id()),
                        record.definition().metric()));
            }
            spec.commandLine().getOut().println(TrialsTable.render(shown, running, Instant.now()));
        }
        return 0;
    }
}
