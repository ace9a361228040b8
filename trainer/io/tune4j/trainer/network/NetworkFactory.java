package io.tune4j.trainer.network;

import static io.tune4j.trainer.network.Hyperparameter.ACTIVATION;
import static io.tune4j.trainer.network.Hyperparameter.DROPOUT;
import static io.tune4j.trainer.network.Hyperparameter.HIDDEN_LAYERS;
import static io.tune4j.trainer.network.Hyperparameter.L1;
import static io.tune4j.trainer.network.Hyperparameter.L2;
import static io.tune4j.trainer.network.Hyperparameter.UNITS;
import static io.tune4j.trainer.network.Hyperparameter.WEIGHT_INIT;

import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Builds the DL4J network a trial's params describe: {@code hidden_layers} dense layers of {@code units}, a
 * softmax output, the updater, initializer and regularization. Built with DL4J's own builders rather than
 * Arbiter's MultiLayerSpace, because our spaces are conditional (momentum only under nesterov) and every
 * value must reach the configuration exactly as sampled.
 */
public final class NetworkFactory {
    private NetworkFactory() {}

    public static MultiLayerConfiguration build(Map<String, Object> params, int inputs, int classes, long seed) {
        NetworkParams p = new NetworkParams(params);
        Activation activation = Activation.valueOf(p.text(ACTIVATION).toUpperCase());
        double dropout = p.number(DROPOUT);
        NeuralNetConfiguration.ListBuilder layers = TrainingPerformance.apply(new NeuralNetConfiguration.Builder())
                .seed(seed)
                .updater(UpdaterFactory.create(p))
                .weightInit(WeightInit.valueOf(p.text(WEIGHT_INIT).toUpperCase()))
                .l1(p.number(L1))
                .l2(p.number(L2))
                .list();
        int width = inputs;
        int hidden = p.integer(HIDDEN_LAYERS);
        int units = p.integer(UNITS);
        for (int i = 0; i < hidden; i++) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nIn(width).nOut(units).activation(activation);
            // DL4J drops a layer's inputs, and takes the probability to RETAIN. Dropping after each hidden
            // layer (Keras' placement) means setting it on every layer but the first.
            if (i > 0 && dropout > 0) dense.dropOut(1.0 - dropout);
            layers.layer(dense.build());
            width = units;
        }
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunction.MCXENT)
                .nIn(width).nOut(classes).activation(Activation.SOFTMAX);
        if (hidden > 0 && dropout > 0) output.dropOut(1.0 - dropout);
        return layers.layer(output.build()).build();
    }
}
