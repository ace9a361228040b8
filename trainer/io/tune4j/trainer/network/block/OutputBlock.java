package io.tune4j.trainer.network.block;

import io.tune4j.trainer.network.Checks;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * {@code output}: the softmax layer over the classes, with cross-entropy loss. A stack that does not end with
 * one gets it with its defaults; {@code dropout} drops this layer's inputs.
 */
public final class OutputBlock implements BlockType {
    public static final String NAME = "output";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BlockParam> params() {
        return List.of(new BlockParam("dropout", 0.0, Checks::dropProbability));
    }

    @Override
    public Layout layout() {
        return Layout.FLAT;
    }

    @Override
    public Layer layer(BlockValues values) {
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunction.MCXENT)
                .nOut(values.outputs()).activation(Activation.SOFTMAX);
        if (values.number("dropout") > 0) output.dropOut(values.retain("dropout"));
        return output.build();
    }
}
