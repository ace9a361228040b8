package io.tune4j.cli;

import io.tune4j.cli.data.Scratch;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.export.RerunSummary;
import io.tune4j.trainer.export.Reruns;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = "Train a completed trial's params again with fresh seeds on the same data split; print each"
                + " value and their mean ± std, and keep them as the trial's rerun_* attributes.")
final class RerunCommand implements Callable<Integer> {
    @Mixin
    ClasspathOption classpath;

    @Mixin
    ResultsOption results;

    @Parameters(paramLabel = "STUDY")
    String study;

    @Option(names = "--trial", paramLabel = "N", required = true, description = "The trial number to re-run.")
    int trial;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "5",
            description = "How many fresh seeds to train with (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seeds < 2) throw new UserError("--seeds must be at least 2 (a spread needs two values), got " + seeds);
        try (H2StudyStore store = results.openExisting()) {
            StudyRecord record = ResultsOption.requireStudy(store, study);
            TrialRecord target = store.trials(record.id()).stream().filter(t -> t.number() == trial).findFirst()
                    .orElseThrow(() -> new UserError("study '" + study + "' has no trial " + trial));
            if (target.state() != TrialState.COMPLETE) {
                throw new UserError("trial " + trial + " of study '" + study + "' is " + target.state()
                        + "; only a COMPLETE trial can be re-run");
            }
            if (record.definition().source().isBlank()) {
                throw new UserError("study '" + study + "' was not run from a space file; only its own objective"
                        + " can re-run its trials");
            }
            StudyPlan plan = StudyFile.parse(record.definition().source(), results.dir, "study " + study);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "trial %d of %s: %s %.4f with seed %d; training its params with %d fresh seeds on the same"
                    + " split%n", trial, study, plan.metric(), target.value(), target.seed(), seeds);
            out.flush();
            RerunSummary summary;
            try (Scratch models = new Scratch("tune4j-rerun-")) {
                summary = Reruns.run(SpaceFileObjectives.objective(plan, plan.training().withOwnSeeds(), models.dir()),
                        target, seeds, run -> {
                            out.printf(Locale.ROOT, "  seed %d: %.4f%n", run.seed(), run.value());
                            out.flush();
                        });
            }
            summary.attributes().forEach((key, value) -> store.setTrialAttribute(target.id(), key, value));
            out.printf(Locale.ROOT, "%s over %d fresh seeds: %s (mean ± sample std); the trial recorded %.4f%n", plan.metric(),
                    seeds, RerunSummary.text(summary.mean(), summary.std()), target.value());
        }
        return 0;
    }
}
