package io.tune4j.trainer.network.block;

import io.tune4j.trainer.network.Checks;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

/** {@code dropout}: drops each activation with probability {@code rate} while training (Keras' Dropout). */
final class DropoutBlock implements BlockType {
    @Override
    public String name() {
        return "dropout";
    }

    @Override
    public List<BlockParam> params() {
        return List.of(new BlockParam("rate", 0.5, Checks::dropProbability));
    }

    @Override
    public Layout layout() {
        return Layout.SAME;
    }

    @Override
    public Layer layer(BlockValues values) {
        return new DropoutLayer.Builder(values.retain("rate")).build();
    }
}
