package io.tune4j.trainer.network;

import static io.tune4j.trainer.network.Hyperparameter.ACTIVATION;
import static io.tune4j.trainer.network.Hyperparameter.DROPOUT;
import static io.tune4j.trainer.network.Hyperparameter.HIDDEN_LAYERS;
import static io.tune4j.trainer.network.Hyperparameter.UNITS;

import io.tune4j.trainer.data.Task;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * The network of a space without a {@code network:} section: {@code hidden_layers} dense layers of {@code units},
 * one {@code activation}, {@code dropout} after each hidden layer, the task's output (see {@link OutputLayers}). Built with DL4J's own
 * builders rather than Arbiter's MultiLayerSpace, because our spaces are conditional (momentum only under
 * nesterov) and every value must reach the configuration exactly as sampled.
 */
public final class DenseShorthand implements NetworkDefinition {

    @Override
    public BuiltNetwork build(Map<String, Object> params, NetworkContext context) {
        return BuiltNetwork.of(configuration(params, (int) context.input().arrayElementsPerExample(),
                context.outputs(), context.seed(), context.task()));
    }

    /** A classifier of {@code classes}. */
    public static MultiLayerConfiguration configuration(Map<String, Object> params, int inputs, int classes, long seed) {
        return configuration(params, inputs, classes, seed, Task.CLASSIFICATION);
    }

    public static MultiLayerConfiguration configuration(Map<String, Object> params, int inputs, int outputs, long seed,
                                                        Task task) {
        NetworkParams p = new NetworkParams(params);
        Activation activation = Activation.valueOf(p.text(ACTIVATION).toUpperCase());
        double dropout = p.number(DROPOUT);
        NeuralNetConfiguration.ListBuilder layers = StandardSettings.builder(params, seed).list();
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
        OutputLayer.Builder output = OutputLayers.builder(task, outputs,
                Optional.ofNullable(params.get(Hyperparameter.LOSS.key())), Optional.empty()).nIn(width);
        if (hidden > 0 && dropout > 0) output.dropOut(1.0 - dropout);
        return layers.layer(output.build()).build();
    }
}
