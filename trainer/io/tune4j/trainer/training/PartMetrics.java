package io.tune4j.trainer.training;

import io.tune4j.trainer.data.TargetScale;
import io.tune4j.trainer.data.Task;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The {@link TaskMetrics#measures measures} of a network on one dataset part, with DL4J's evaluators.
 * Classification: accuracy; precision, recall and F1 macro-averaged over the classes (a class never predicted
 * counts 0, as scikit-learn's default), or of the positive (second) class for a binary task, as scikit-learn's
 * {@code average='binary'}; AUC of the positive class's score ({@link RankAuc}), or the mean of the classes'
 * one-vs-rest AUCs (a class absent from the part has none and is left out).
 * Regression: RMSE, MAE and R² in the target's own units. {@code loss} is the data loss only (see
 * {@link TrainableNetwork#lossPerExample}), on the scale the network trains on.
 */
final class PartMetrics {
    private PartMetrics() {}

    static Map<String, Double> of(TrainableNetwork network, DataSet part, Task task, TargetScale target) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", network.lossPerExample(part).meanNumber().doubleValue());
        INDArray output = network.output(part.getFeatures());
        if (task.classifies()) classification(metrics, part.getLabels(), output, task);
        else regression(metrics, target.original(part.getLabels()), target.original(output));
        return metrics;
    }

    private static void classification(Map<String, Double> metrics, INDArray labels, INDArray output, Task task) {
        int classes = (int) labels.size(1);
        Evaluation evaluation = new Evaluation(classes);
        evaluation.eval(labels, output);
        metrics.put("accuracy", evaluation.accuracy());
        if (task == Task.BINARY) {
            metrics.put("f1", evaluation.f1(1));
            metrics.put("precision", evaluation.precision(1));
            metrics.put("recall", evaluation.recall(1));
            metrics.put("auc", auc(labels, output, 1));
        } else {
            // DL4J's own macro averages leave out classes whose precision is undefined (never predicted), which
            // flatters a network that ignores a rare class; scikit-learn counts them 0, and so do we.
            metrics.put("f1", IntStream.range(0, classes).mapToDouble(evaluation::f1).average().orElse(0));
            metrics.put("precision", IntStream.range(0, classes).mapToDouble(evaluation::precision).average().orElse(0));
            metrics.put("recall", IntStream.range(0, classes).mapToDouble(evaluation::recall).average().orElse(0));
            metrics.put("auc", IntStream.range(0, classes).mapToDouble(c -> auc(labels, output, c))
                    .filter(Double::isFinite).average().orElse(Double.NaN));
        }
    }

    /** One-vs-rest AUC of class {@code c}: its probability as the score, its rows as the positives. */
    private static double auc(INDArray labels, INDArray output, int c) {
        double[] truth = labels.getColumn(c).toDoubleVector();
        boolean[] positive = new boolean[truth.length];
        for (int r = 0; r < truth.length; r++) positive[r] = truth[r] > 0.5;
        return RankAuc.of(output.getColumn(c).toDoubleVector(), positive);
    }

    private static void regression(Map<String, Double> metrics, INDArray labels, INDArray predictions) {
        RegressionEvaluation evaluation = new RegressionEvaluation(1);
        evaluation.eval(labels, predictions);
        metrics.put("rmse", evaluation.rootMeanSquaredError(0));
        metrics.put("mae", evaluation.meanAbsoluteError(0));
        metrics.put("r2", evaluation.rSquared(0));
    }
}
