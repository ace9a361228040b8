package io.tune4j.trainer.network;

import io.tune4j.trainer.data.Task;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The output layer a task needs: a softmax over the classes with cross-entropy for classification (binary
 * included: two softmax outputs, so every classifier has the same shape), one linear unit with the {@code loss}
 * param's loss for regression. Both the dense shorthand and the {@code output} block build theirs here.
 */
public final class OutputLayers {
    public static final List<String> LOSSES = List.of("mse", "mae", "huber");

    private OutputLayers() {}

    /**
     * {@code loss} and {@code activation} are the trial's values, empty when not declared: a classifier refuses
     * both, since it would otherwise sample them and ignore them.
     */
    public static OutputLayer.Builder builder(Task task, int outputs, Optional<Object> loss, Optional<Object> activation) {
        if (task.classifies()) {
            loss.ifPresent(l -> {
                throw new IllegalArgumentException("param 'loss' = " + l + ": a " + task.key()
                        + " network's loss is cross-entropy; loss applies to regression");
            });
            activation.ifPresent(a -> {
                throw new IllegalArgumentException("output activation " + a + ": a " + task.key()
                        + " network's output is softmax; an output activation applies to regression");
            });
            return new OutputLayer.Builder(new LossMCXENT()).nOut(outputs).activation(Activation.SOFTMAX);
        }
        String lossName = String.valueOf(loss.orElse(Hyperparameter.LOSS.defaultValue()));
        Hyperparameter.LOSS.problemWith(lossName).ifPresent(problem -> {
            throw new IllegalArgumentException("param 'loss' = " + lossName + ": " + problem);
        });
        Activation output = activation.map(a -> Activation.valueOf(String.valueOf(a).toUpperCase()))
                .orElse(Activation.IDENTITY);
        return new OutputLayer.Builder(regressionLoss(lossName)).nOut(outputs).activation(output);
    }

    private static ILossFunction regressionLoss(String name) {
        return switch (name) {
            case "mse" -> new LossMSE();
            case "mae" -> new LossMAE();
            default -> new HuberLoss();
        };
    }
}
