package io.tune4j.cli;

import io.tune4j.search.study.StudyRecord;
import io.tune4j.store.H2StudyStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "note", mixinStandardHelpOptions = true,
        description = "Set the Markdown note of a study, or of one of its trials; an empty TEXT removes it.")
final class NoteCommand implements Callable<Integer> {
    @Mixin
    ResultsOption results;

    @Parameters(index = "0", paramLabel = "STUDY")
    String study;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The note, in Markdown.")
    String text;

    @Option(names = "--trial", paramLabel = "N", description = "The trial number the note is about.")
    Integer trial;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (H2StudyStore store = results.openExisting()) {
            StudyRecord record = ResultsOption.requireStudy(store, study);
            if (trial == null) {
                store.noteStudy(record.id(), text);
            } else if (!store.noteTrial(record.id(), trial, text)) {
                throw new UserError("study '" + study + "' has no trial " + trial);
            }
            spec.commandLine().getOut().printf("%s note of %s%s%n", text.isBlank() ? "removed the" : "saved the",
                    study, trial == null ? "" : " trial " + trial);
        }
        return 0;
    }
}
