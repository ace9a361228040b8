package io.tune4j.cli;

import io.tune4j.cli.terminal.StudiesTable;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudyStore;
import io.tune4j.store.H2StudyStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "studies", mixinStandardHelpOptions = true,
        description = "List every study in the results database; rename, copy or delete one.",
        subcommands = {StudiesCommand.Rename.class, StudiesCommand.Copy.class, StudiesCommand.Delete.class})
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

    /** A study that trials are running in (or that a killed run left so) must not move under its run. */
    static StudyRecord idleStudy(H2StudyStore store, String name) {
        StudyRecord study = ResultsOption.requireStudy(store, name);
        int running = store.runningTrials(study.id()).size();
        if (running > 0) {
            throw new UserError("study '" + name + "' has " + running + " RUNNING trial(s): a run is going on, or"
                    + " was killed (continue it first)");
        }
        return study;
    }

    /**
     * Rename and copy: an idle study {@code from} goes to the free name {@code to} in the database, then its folder
     * of kept models and exports follows (after the commit, so a refused name never touches the folder).
     */
    private static void underNewName(ResultsOption results, String from, String to,
                                     DatabaseStep inDatabase, BiConsumer<Path, Path> folder) {
        try (H2StudyStore store = results.openExisting()) {
            StudyRecord study = idleStudy(store, from);
            requireNewName(store, results, to);
            inDatabase.accept(store, study.id(), to);
        }
        folder.accept(results.studyDir(from), results.studyDir(to));
    }

    /** What the database does with a study under its new name (renameStudy, copyStudy). */
    @FunctionalInterface
    private interface DatabaseStep {
        void accept(H2StudyStore store, long studyId, String name);
    }

    static void requireNewName(H2StudyStore store, ResultsOption results, String name) {
        StudyFile.unsafeName(name).ifPresent(problem -> {
            throw new UserError(problem);
        });
        if (store.findStudy(name).isPresent()) throw new UserError("a study named '" + name + "' exists already");
        StudyFolder.requireFree(results.studyDir(name));
    }

    @Command(name = "rename", mixinStandardHelpOptions = true,
            description = "Rename a study; its folder of kept models and exports moves with it.")
    static final class Rename implements Callable<Integer> {
        @Mixin
        ResultsOption results;

        @Parameters(index = "0", paramLabel = "OLD")
        String from;

        @Parameters(index = "1", paramLabel = "NEW")
        String to;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            underNewName(results, from, to, H2StudyStore::renameStudy, StudyFolder::move);
            spec.commandLine().getOut().printf("renamed study %s to %s%n", from, to);
            return 0;
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Copy a study (trials, curves, notes) under a new name, with its folder of models and exports.")
    static final class Copy implements Callable<Integer> {
        @Mixin
        ResultsOption results;

        @Parameters(index = "0", paramLabel = "SRC")
        String from;

        @Parameters(index = "1", paramLabel = "DST")
        String to;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            underNewName(results, from, to, H2StudyStore::copyStudy, StudyFolder::copy);
            spec.commandLine().getOut().printf("copied study %s to %s%n", from, to);
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a study, its trials and its folder of kept models and exports (needs --yes).")
    static final class Delete implements Callable<Integer> {
        @Mixin
        ResultsOption results;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--yes", description = "Confirm: the study cannot be brought back.")
        boolean yes;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (H2StudyStore store = results.openExisting()) {
                StudyRecord study = idleStudy(store, name);
                if (!yes) {
                    throw new UserError("deleting study '" + name + "' (" + store.trials(study.id()).size()
                            + " trials) cannot be undone; add --yes to delete it");
                }
                store.deleteStudy(study.id());
            }
            StudyFolder.delete(results.studyDir(name));
            spec.commandLine().getOut().printf("deleted study %s%n", name);
            return 0;
        }
    }
}
