package io.tune4j.cli;

import io.tune4j.search.spec.ParamsParser;
import io.tune4j.search.spec.SpecDocument;
import io.tune4j.search.spec.SpecNode;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.H2StudyStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "enqueue", mixinStandardHelpOptions = true,
        description = "Queue params to run first when the study next runs (an exported params.yaml, or a file of"
                + " param: value lines); they must lie in the study's space.")
final class EnqueueCommand implements Callable<Integer> {
    @Mixin
    ResultsOption results;

    @Parameters(index = "0", paramLabel = "STUDY")
    String study;

    @Parameters(index = "1", paramLabel = "PARAMS_FILE",
            description = "param: value lines, or a space file whose space: holds one value per param"
                    + " (as export writes params.yaml).")
    Path paramsFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (H2StudyStore store = results.openExisting()) {
            StudyRecord record = ResultsOption.requireStudy(store, study);
            if (record.definition().source().isBlank()) {
                throw new UserError("study '" + study + "' was not run from a space file, so its space is not"
                        + " stored; enqueue through the library API (Study.enqueue)");
            }
            StudyPlan plan = StudyFile.parse(record.definition().source(), Path.of("."),
                    "the space file stored with study '" + study + "'");
            SpecNode file = SpecDocument.parse(paramsFile.toString(), StudyFile.read(paramsFile, "params file"));
            SpecNode written = file.isMapping() ? file.mapping().get("space").orElse(file) : file;
            Map<String, Object> params = ParamsParser.parse(written, plan.space());
            TrialRecord queued = store.enqueue(record.id(), params);
            spec.commandLine().getOut().printf("enqueued trial %d of %s: %s; it runs first when the study next"
                    + " runs%n", queued.number(), study, params);
        }
        return 0;
    }
}
