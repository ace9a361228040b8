package io.tune4j.cli;

import io.tune4j.trainer.bundle.BundleEvaluation;
import io.tune4j.trainer.bundle.RawRows;
import io.tune4j.trainer.bundle.Tune4jModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score an exported bundle on labelled raw CSV rows: metrics, per-class precision, recall and F1,"
                + " and the confusion matrix (or RMSE, MAE and R² for regression).")
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "An exported best-<rank> folder or its model.zip.")
    Path bundle;

    @Parameters(index = "1", paramLabel = "CSV", description = "Rows as in the training file, with the label column.")
    Path csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (Tune4jModel model = Tune4jModel.load(bundle)) {
            spec.commandLine().getOut().printf("%s", BundleEvaluation.report(model, RawRows.read(csv, model)));
        }
        return 0;
    }
}
