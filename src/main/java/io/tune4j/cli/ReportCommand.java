package io.tune4j.cli;

import io.tune4j.dashboard.report.StudyReport;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.store.H2StudyStore;
import io.tune4j.store.query.H2StudyQueries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a study's report: one HTML file that works offline (leaderboard, history, importance,"
                + " the best trials' curves, best params, how to use them) and a Markdown summary beside it.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    ResultsOption results;

    @Parameters(paramLabel = "STUDY")
    String study;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The HTML file to write (default: <results>/<study>/report.html); the summary goes beside"
                    + " it, ending in .md.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (H2StudyStore store = results.openExisting()) {
            StudyRecord record = ResultsOption.requireStudy(store, study);
            Path page = out != null ? out : results.studyDir(study).resolve("report.html");
            try {
                StudyReport.write(new H2StudyQueries(store), record, page, results.studyDir(study));
            } catch (IOException e) {
                throw new UserError("cannot write the report to " + page + ": " + e, e);
            }
            spec.commandLine().getOut().println(page);
            spec.commandLine().getOut().println(StudyReport.summaryOf(page));
        }
        return 0;
    }
}
