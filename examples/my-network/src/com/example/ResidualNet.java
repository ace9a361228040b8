package com.example;

import io.tune4j.trainer.network.BuiltNetwork;
import io.tune4j.trainer.network.NetworkContext;
import io.tune4j.trainer.network.NetworkDefinition;
import io.tune4j.trainer.network.StandardSettings;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A network of one's own, tuned by tune4j: a stem, then {@code blocks} residual blocks of two dense layers whose
 * output is added to their input (a ComputationGraph, which a layer stack cannot express), then softmax.
 * Its own params are {@code width} and {@code blocks}; {@code learning_rate}, {@code optimizer} and the other
 * standard settings come through {@link StandardSettings}.
 */
public class ResidualNet implements NetworkDefinition {

    @Override
    public BuiltNetwork build(Map<String, Object> params, NetworkContext context) {
        int width = ((Number) params.getOrDefault("width", 64)).intValue();
        int blocks = ((Number) params.getOrDefault("blocks", 1)).intValue();
        ComputationGraphConfiguration.GraphBuilder graph = StandardSettings.builder(params, context.seed())
                .graphBuilder()
                .addInputs("input")
                .setInputTypes(context.input())
                .addLayer("stem", new DenseLayer.Builder().nOut(width).activation(Activation.RELU).build(), "input");
        String previous = "stem";
        for (int b = 1; b <= blocks; b++) {
            graph.addLayer("block" + b + "a", new DenseLayer.Builder().nOut(width).activation(Activation.RELU).build(), previous)
                    .addLayer("block" + b + "b", new DenseLayer.Builder().nOut(width).activation(Activation.IDENTITY).build(),
                            "block" + b + "a")
                    .addVertex("block" + b, new ElementWiseVertex(ElementWiseVertex.Op.Add), "block" + b + "b", previous);
            previous = "block" + b;
        }
        graph.addLayer("output", new OutputLayer.Builder(LossFunction.MCXENT).nOut(context.outputs())
                        .activation(Activation.SOFTMAX).build(), previous)
                .setOutputs("output");
        return BuiltNetwork.of(graph.build());
    }
}
