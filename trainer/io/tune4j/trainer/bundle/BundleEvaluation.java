package io.tune4j.trainer.bundle;

import io.tune4j.trainer.data.DatasetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model's metrics on labelled raw rows, computed by DL4J's {@code Evaluation} (accuracy, per-class precision,
 * recall and F1, the confusion matrix) or {@code RegressionEvaluation} (RMSE, MAE, R² in the target's units):
 * the same classes the training loop's metrics come from, so a bundle fed its study's raw test rows gives back the
 * recorded test figures.
 */
public final class BundleEvaluation {
    private BundleEvaluation() {}

    /** The headline metrics by name (accuracy, f1, … or rmse, mae, r2). */
    public static Map<String, Double> metrics(Tune4jModel model, RawRows rows) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (model.task().classifies()) {
            Evaluation evaluation = classification(model, rows);
            metrics.put("accuracy", evaluation.accuracy());
            metrics.put("f1", evaluation.f1(org.nd4j.evaluation.EvaluationAveraging.Macro));
            metrics.put("precision", evaluation.precision(org.nd4j.evaluation.EvaluationAveraging.Macro));
            metrics.put("recall", evaluation.recall(org.nd4j.evaluation.EvaluationAveraging.Macro));
        } else {
            RegressionEvaluation evaluation = regression(model, rows);
            metrics.put("rmse", evaluation.rootMeanSquaredError(0));
            metrics.put("mae", evaluation.meanAbsoluteError(0));
            metrics.put("r2", evaluation.rSquared(0));
        }
        return metrics;
    }

    /** The metrics, then per-class precision, recall and F1 and the confusion matrix (classes), as text. */
    public static String report(Tune4jModel model, RawRows rows) {
        StringBuilder text = new StringBuilder();
        text.append(rows.cells().size()).append(" rows\n");
        metrics(model, rows).forEach((name, value) ->
                text.append(String.format(Locale.ROOT, "%-10s %.4f%n", name, value)));
        if (!model.task().classifies()) return text.toString();
        Evaluation evaluation = classification(model, rows);
        List<String> classes = model.classNames();
        int width = Math.max(8, classes.stream().mapToInt(String::length).max().orElse(0) + 2);
        text.append(String.format(Locale.ROOT, "%n%-" + width + "s %9s %9s %9s %7s%n", "class", "precision", "recall", "f1", "rows"));
        for (int c = 0; c < classes.size(); c++) {
            int support = evaluation.getConfusionMatrix().getActualTotal(c);
            text.append(String.format(Locale.ROOT, "%-" + width + "s %9.4f %9.4f %9.4f %7d%n", classes.get(c),
                    evaluation.precision(c), evaluation.recall(c), evaluation.f1(c), support));
        }
        text.append("\nconfusion matrix (rows: actual, columns: predicted)\n");
        text.append(String.format(Locale.ROOT, "%-" + width + "s", ""));
        for (String name : classes) text.append(String.format(Locale.ROOT, " %" + width + "s", name));
        text.append('\n');
        for (int actual = 0; actual < classes.size(); actual++) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s", classes.get(actual)));
            for (int predicted = 0; predicted < classes.size(); predicted++) {
                text.append(String.format(Locale.ROOT, " %" + width + "d",
                        evaluation.getConfusionMatrix().getCount(actual, predicted)));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static Evaluation classification(Tune4jModel model, RawRows rows) {
        List<String> labels = labels(rows);
        List<String> classes = model.classNames();
        float[][] oneHot = new float[labels.size()][classes.size()];
        for (int r = 0; r < labels.size(); r++) oneHot[r][classIndex(classes, labels.get(r), rows.lines().get(r))] = 1f;
        Evaluation evaluation = new Evaluation(classes);
        evaluation.eval(Nd4j.create(oneHot), model.output(rows.cells()));
        return evaluation;
    }

    private static RegressionEvaluation regression(Tune4jModel model, RawRows rows) {
        List<String> labels = labels(rows);
        double[] targets = new double[labels.size()];
        for (int r = 0; r < targets.length; r++) {
            try {
                targets[r] = Double.parseDouble(labels.get(r));
            } catch (NumberFormatException e) {
                throw new DatasetException("line " + rows.lines().get(r) + ": label '" + labels.get(r) + "' is not a number");
            }
        }
        RegressionEvaluation evaluation = new RegressionEvaluation(1);
        INDArray actual = Nd4j.create(targets, targets.length, 1).castTo(DataType.FLOAT);
        evaluation.eval(actual, model.output(rows.cells()).castTo(DataType.FLOAT));
        return evaluation;
    }

    private static List<String> labels(RawRows rows) {
        return rows.labels().orElseThrow(() -> new DatasetException("the file has no label column to evaluate against"));
    }

    /** A class name, or a class index for files whose labels are numbers 0…k-1 of named classes (built-in sets). */
    private static int classIndex(List<String> classes, String label, long line) {
        int index = classes.indexOf(label.trim());
        if (index >= 0) return index;
        try {
            int number = (int) Double.parseDouble(label);
            if (number >= 0 && number < classes.size() && number == Double.parseDouble(label)) return number;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DatasetException("line " + line + ": label '" + label + "' is none of the model's classes "
                + new ArrayList<>(classes));
    }
}
