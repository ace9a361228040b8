package io.tune4j.cli;

import io.tune4j.trainer.bundle.Prediction;
import io.tune4j.trainer.bundle.RawRows;
import io.tune4j.trainer.bundle.Tune4jModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict raw CSV rows with an exported bundle: the label, and each class's probability.")
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "An exported best-<rank> folder or its model.zip.")
    Path bundle;

    @Parameters(index = "1", paramLabel = "CSV", description = "Rows as in the training file (a label column is ignored).")
    Path csv;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the predictions here (CSV); default: print them.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String text;
        try (Tune4jModel model = Tune4jModel.load(bundle)) {
            RawRows rows = RawRows.read(csv, model);
            text = csv(model, model.predict(rows.cells()));
        }
        if (out == null) {
            spec.commandLine().getOut().printf("%s", text);
            return 0;
        }
        // Written whole to a neighbour first: a failure never leaves half a predictions file.
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Files.writeString(partial, text);
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getOut().printf("wrote %s (%d rows)%n", out, text.lines().count() - 1);
        return 0;
    }

    private static String csv(Tune4jModel model, List<Prediction> predictions) throws IOException {
        StringWriter text = new StringWriter();
        List<String> header = new ArrayList<>(List.of(model.labelName()));
        for (String name : model.classNames()) header.add("p_" + name);
        try (CSVPrinter printer = new CSVPrinter(new PrintWriter(text), CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            for (Prediction prediction : predictions) {
                List<Object> row = new ArrayList<>(List.of(prediction.label()));
                row.addAll(prediction.probabilities().values());
                printer.printRecord(row);
            }
        }
        return text.toString();
    }
}
