package io.tune4j.trainer.network.block;

import io.tune4j.trainer.network.Checks;
import io.tune4j.trainer.network.Hyperparameter;
import io.tune4j.trainer.network.OutputLayers;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * {@code output}: the task's output layer (see {@link OutputLayers}): softmax with cross-entropy for a classifier;
 * for regression one unit, linear unless {@code activation} says otherwise, trained with {@code loss} (the block's,
 * else the space's). A stack that does not end with one gets it with its defaults; {@code dropout} drops this
 * layer's inputs.
 */
public final class OutputBlock implements BlockType {
    public static final String NAME = "output";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BlockParam> params() {
        // No default activation: the hidden layers' space-wide one (RELU) would clip every negative prediction.
        return List.of(new BlockParam("dropout", 0.0, Checks::dropProbability),
                new BlockParam("activation", null, Checks.enumName(Activation.class)),
                new BlockParam(Hyperparameter.LOSS.key(), null, Hyperparameter.LOSS::problemWith));
    }

    @Override
    public Set<String> spaceWide() {
        return Set.of(Hyperparameter.LOSS.key());
    }

    @Override
    public Layout layout() {
        return Layout.FLAT;
    }

    @Override
    public Layer layer(BlockValues values) {
        OutputLayer.Builder output = OutputLayers.builder(values.task(), values.outputs(),
                values.find(Hyperparameter.LOSS.key()), values.find("activation"));
        if (values.number("dropout") > 0) output.dropOut(values.retain("dropout"));
        return output.build();
    }
}
