package io.tune4j.trainer.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * {@code training: {class_weights: balanced | {<label>: weight, …}}}: how much each class's examples count in a
 * classifier's loss. {@code balanced} is scikit-learn's {@code n / (k · count_c)} over the training part; a map
 * names labels, and a label it leaves out weighs 1. {@code origin} locates the setting in its space file
 * ({@code file:line: training.class_weights}) for the message about a label the data does not have, which can
 * only be known once the data is read.
 */
public record ClassWeights(boolean balanced, Map<String, Double> given, String origin) {

    public ClassWeights {
        given = Map.copyOf(given);
        if (balanced && !given.isEmpty()) throw new IllegalArgumentException("class_weights: balanced or a map, not both");
        given.forEach((label, weight) -> {
            if (!(weight > 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("class_weights: the weight of '" + label + "' must be > 0, got " + weight);
            }
        });
    }

    public static ClassWeights balanced(String origin) {
        return new ClassWeights(true, Map.of(), origin);
    }

    /** Refuses labels that are not among {@code classNames}, naming the setting and the labels there are. */
    public void checkLabels(List<String> classNames) {
        for (String label : given.keySet()) {
            if (!classNames.contains(label)) {
                throw new IllegalArgumentException(origin + ": unknown label '" + label + "'; the labels are "
                        + String.join(", ", classNames));
            }
        }
    }

    /** One weight per class, in label order, for the one-hot {@code trainLabels} of the training part. */
    public double[] forClasses(List<String> classNames, INDArray trainLabels) {
        checkLabels(classNames);
        double[] weights = new double[classNames.size()];
        if (!balanced) {
            for (int c = 0; c < weights.length; c++) weights[c] = given.getOrDefault(classNames.get(c), 1.0);
            return weights;
        }
        double[] counts = trainLabels.sum(0).toDoubleVector();
        List<String> absent = new ArrayList<>();
        for (int c = 0; c < weights.length; c++) {
            if (counts[c] == 0) absent.add(classNames.get(c));
            weights[c] = trainLabels.size(0) / (weights.length * counts[c]);
        }
        if (!absent.isEmpty()) {
            throw new IllegalArgumentException(origin + ": balanced weights need every class in the training part; "
                    + String.join(", ", absent) + " has no training rows");
        }
        return weights;
    }

    /**
     * The weighted form of a classifier's loss. Only softmax cross-entropy takes class weights here: a user's
     * network with another loss is refused rather than trained unweighted without a word.
     */
    static ILossFunction weigh(ILossFunction loss, double[] weights) {
        if (!(loss instanceof LossMCXENT mcxent) || mcxent.getWeights() != null) {
            throw new IllegalArgumentException("class_weights need an output layer with the unweighted MCXENT loss "
                    + "(softmax cross-entropy); this network's loss is " + loss);
        }
        return new LossMCXENT(Nd4j.create(weights).reshape(1, weights.length));
    }
}
