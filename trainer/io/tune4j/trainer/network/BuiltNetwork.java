package io.tune4j.trainer.network;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.NetworkMemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

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
        public Model create() {
            ComputationGraph graph = new ComputationGraph(configuration);
            graph.init();
            return graph;
        }
    }
}
