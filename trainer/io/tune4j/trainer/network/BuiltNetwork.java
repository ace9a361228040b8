package io.tune4j.trainer.network;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.memory.NetworkMemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/** A network configuration of either DL4J kind: a stack of layers, or a graph of them. */
public sealed interface BuiltNetwork {

    static BuiltNetwork of(MultiLayerConfiguration configuration) {
        return new Layers(configuration);
    }

    static BuiltNetwork of(ComputationGraphConfiguration configuration) {
        return new Graph(configuration);
    }

    /** DL4J's JSON of the configuration ({@code MultiLayerConfiguration.fromJson} or the graph's). */
    String toJson();

    /** DL4J's estimate of the memory each phase needs, made without allocating anything. */
    NetworkMemoryReport memoryReport(InputType input);

    /** A new, initialized network of this configuration. */
    Model create();

    /**
     * A copy of this configuration, for a second network: DL4J keeps a network's iteration and epoch counts in its
     * configuration, so two networks of one configuration would share them (and Adam's bias correction with them).
     */
    BuiltNetwork copy();

    /**
     * A copy of this configuration whose output layer's loss is {@code change} of its current one (class weights
     * are data, not params, so they are set after the network is built, whoever built it).
     *
     * @throws IllegalArgumentException when the network has no output layer with a loss
     */
    BuiltNetwork withOutputLoss(UnaryOperator<ILossFunction> change);

    private static void changeLoss(Layer layer, UnaryOperator<ILossFunction> change) {
        if (!(layer instanceof BaseOutputLayer output)) {
            throw new IllegalArgumentException("the network's last layer is not an output layer with a loss: " + layer);
        }
        output.setLossFn(change.apply(output.getLossFn()));
    }

    /** What each layer outputs for {@code input}, by layer name, in order; DL4J's inference, nothing allocated. */
    Map<String, InputType> outputTypes(InputType input);

    /**
     * Refuses a network where some layer would output nothing: DL4J 1.0.0-M2.1 infers a negative height for a 5x5
     * kernel on 3x3 activations without complaint, and fails only when data first flows through it.
     *
     * @throws IllegalStateException naming the first such layer and what reaches it
     */
    default void checkShapes(InputType input) {
        InputType previous = input;
        for (Map.Entry<String, InputType> layer : outputTypes(input).entrySet()) {
            if (Arrays.stream(layer.getValue().getShape(false)).anyMatch(size -> size <= 0)) {
                throw new IllegalStateException("layer " + layer.getKey() + " gets " + previous + " and would output "
                        + layer.getValue() + ": its kernel or stride is too large for what reaches it");
            }
            previous = layer.getValue();
        }
    }

    record Layers(MultiLayerConfiguration configuration) implements BuiltNetwork {
        @Override
        public String toJson() {
            return configuration.toJson();
        }

        @Override
        public NetworkMemoryReport memoryReport(InputType input) {
            return configuration.getMemoryReport(input);
        }

        @Override
        public Map<String, InputType> outputTypes(InputType input) {
            List<InputType> types = configuration.getLayerActivationTypes(input);
            Map<String, InputType> named = new LinkedHashMap<>();
            for (int i = 0; i < types.size(); i++) {
                String name = configuration.getConf(i).getLayer().getLayerName();
                named.put(name == null ? "layer " + i : name + " (layer " + i + ")", types.get(i));
            }
            return named;
        }

        @Override
        public BuiltNetwork copy() {
            return new Layers(configuration.clone());
        }

        @Override
        public BuiltNetwork withOutputLoss(UnaryOperator<ILossFunction> change) {
            MultiLayerConfiguration copy = configuration.clone();
            BuiltNetwork.changeLoss(copy.getConf(copy.getConfs().size() - 1).getLayer(), change);
            return new Layers(copy);
        }

        @Override
        public Model create() {
            MultiLayerNetwork network = new MultiLayerNetwork(configuration);
            network.init();
            return network;
        }
    }

    record Graph(ComputationGraphConfiguration configuration) implements BuiltNetwork {
        @Override
        public String toJson() {
            return configuration.toJson();
        }

        @Override
        public NetworkMemoryReport memoryReport(InputType input) {
            return configuration.getMemoryReport(input);
        }

        @Override
        public Map<String, InputType> outputTypes(InputType input) {
            Map<String, InputType> types = new LinkedHashMap<>(configuration.getLayerActivationTypes(input));
            configuration.getNetworkInputs().forEach(types::remove);
            return types;
        }

        @Override
        public BuiltNetwork copy() {
            return new Graph(configuration.clone());
        }

        @Override
        public BuiltNetwork withOutputLoss(UnaryOperator<ILossFunction> change) {
            ComputationGraphConfiguration copy = configuration.clone();
            for (String output : copy.getNetworkOutputs()) {
                Layer layer = copy.getVertices().get(output) instanceof LayerVertex vertex
                        ? vertex.getLayerConf().getLayer() : null;
                BuiltNetwork.changeLoss(layer, change);
            }
            return new Graph(copy);
        }

        @Override
        public Model create() {
            ComputationGraph graph = new ComputationGraph(configuration);
            graph.init();
            return graph;
        }
    }
}
