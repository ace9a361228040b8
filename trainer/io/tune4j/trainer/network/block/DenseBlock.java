package io.tune4j.trainer.network.block;

import io.tune4j.trainer.network.Checks;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.activations.Activation;

/** {@code dense}: a fully connected layer. {@code dropout} drops this layer's inputs (DL4J's placement). */
final class DenseBlock implements BlockType {
    @Override
    public String name() {
        return "dense";
    }

    @Override
    public List<BlockParam> params() {
        return List.of(new BlockParam("units", 64, Checks::positiveInteger),
                new BlockParam("activation", "RELU", Checks.enumName(Activation.class)),
                new BlockParam("dropout", 0.0, Checks::dropProbability));
    }

    @Override
    public Layout layout() {
        return Layout.FLAT;
    }

    @Override
    public Layer layer(BlockValues values) {
        DenseLayer.Builder dense = new DenseLayer.Builder().nOut(values.integer("units")).activation(values.activation());
        if (values.number("dropout") > 0) dense.dropOut(values.retain("dropout"));
        return dense.build();
    }
}
