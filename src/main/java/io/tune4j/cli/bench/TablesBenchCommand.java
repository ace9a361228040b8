package io.tune4j.cli.bench;

import io.tune4j.cli.ResultsOption;
import io.tune4j.cli.StudyFile;
import io.tune4j.cli.StudyPlan;
import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.training.LogisticAnchor;
import io.tune4j.trainer.training.RidgeAnchor;
import io.tune4j.trainer.training.TaskMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tune4j bench tables}: the best trial of each real-table study already run (diabetes, cars-mpg, weather)
 * on its test part, beside an anchor fitted on the very same split (ridge regression for a regression study), so
 * a figure can be told from the luck of a split: ridge regression for a regression study, multinomial logistic
 * regression for a classifier.
 */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "The test figures of the best trial of studies run from real-table space files, beside ridge"
                + " regression (regression) or logistic regression (classes) fitted on the same split.")
final class TablesBenchCommand implements Callable<Integer> {
    @Mixin
    ResultsOption results;

    @Option(names = "--space", split = ",", paramLabel = "FILE",
            description = "Space files whose studies were run. Default: spaces/diabetes.yaml, spaces/cars-mpg.yaml,"
                    + " spaces/weather.yaml.")
    List<Path> spaces = List.of(Path.of("spaces/diabetes.yaml"), Path.of("spaces/cars-mpg.yaml"),
            Path.of("spaces/weather.yaml"));

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-10s %6s %6s %-10s %9s %9s %9s %-30s %7s%n", "study", "trials", "best", "metric", "val", "test",
                "test acc", "anchor on the same split (test)", "ratio");
        try (H2StudyStore store = results.openExisting()) {
            for (Path space : spaces) {
                StudyPlan plan = StudyFile.load(space);
                StudyRecord study = ResultsOption.requireStudy(store, plan.study());
                List<TrialRecord> top = store.topTrials(study.id(), 1);
                if (top.isEmpty()) {
                    out.printf("%-10s no completed trial%n", plan.study());
                    continue;
                }
                TrialRecord best = top.get(0);
                String measure = plan.metric().substring(TaskMetrics.VALIDATION.length());
                double test = number(best, TaskMetrics.TEST + measure).orElse(Double.NaN);
                String accuracy = number(best, TaskMetrics.TEST + "accuracy").map(v -> String.format(Locale.ROOT, "%.4f", v))
                        .orElse("");
                String anchor = "";
                String ratio = "";
                DatasetSplits data = DatasetLoader.load(plan.data());
                if (!data.task().classifies()) {
                    double ridge = RidgeAnchor.testRmse(data);
                    anchor = String.format(Locale.ROOT, "ridge %.4f", ridge);
                    ratio = String.format(Locale.ROOT, "%.3f", test / ridge);
                } else {
                    Map<String, Double> logistic = LogisticAnchor.testMetrics(data, plan.search().seed());
                    anchor = String.format(Locale.ROOT, "logistic %.4f / acc %.4f", logistic.get(measure),
                            logistic.get("accuracy"));
                    ratio = String.format(Locale.ROOT, "%.3f", test / logistic.get(measure));
                }
                out.printf(Locale.ROOT, "%-10s %6d %6d %-10s %9.4f %9.4f %9s %-30s %7s%n", plan.study(),
                        store.trials(study.id()).size(), best.number(), measure, best.value(), test, accuracy, anchor, ratio);
            }
        }
        out.println("ratio: the tuned network's test figure over the anchor's on the same split (RMSE: below 1 is"
                + " better; F1 and other scores: above 1 is better)");
        return 0;
    }

    private static Optional<Double> number(TrialRecord trial, String attribute) {
        return Optional.ofNullable(trial.attributes().get(attribute)).map(Double::parseDouble);
    }
}
