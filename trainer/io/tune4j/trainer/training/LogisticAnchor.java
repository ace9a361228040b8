package io.tune4j.trainer.training;

import io.tune4j.trainer.data.DatasetSplits;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The anchor a tuned classifier is compared with on the same split: multinomial logistic regression (one
 * softmax layer, no hidden layer, unweighted classes, L2 as scikit-learn's {@code LogisticRegression()} default
 * C = 1 puts it), fitted full-batch on the training and validation parts together and scored on the test part
 * with the study's own metrics.
 */
public final class LogisticAnchor {
    /** Full-batch Adam steps: the loss of the shipped tables stops moving well before (checked on weather). */
    private static final int STEPS = 500;

    private LogisticAnchor() {}

    /** Test metrics (accuracy, f1, …) of the anchor. */
    public static Map<String, Double> testMetrics(DatasetSplits data, long seed) {
        DataSet fit = DataSet.merge(List.of(data.train(), data.validation()));
        int rows = fit.numExamples();
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(0.05)).weightInit(WeightInit.XAVIER)
                // scikit-learn minimizes C·sum(loss) + ½‖w‖²; per example and in DL4J's ½·l2·‖w‖² form: l2 = 1 / (C·n).
                .l2(1.0 / rows)
                .list(new OutputLayer.Builder(LossFunction.MCXENT).nIn(data.inputs()).nOut(data.outputs())
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        TrainableNetwork trainable = TrainableNetwork.of(network);
        try {
            for (int step = 0; step < STEPS; step++) trainable.fit(fit);
            return PartMetrics.of(trainable, data.test(), data.task(), data.target());
        } finally {
            trainable.close();
        }
    }
}
