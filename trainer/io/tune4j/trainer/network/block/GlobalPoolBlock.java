package io.tune4j.trainer.network.block;

import io.tune4j.trainer.network.Checks;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

/** {@code global_pool}: one value per channel, the max or mean over height and width. */
final class GlobalPoolBlock implements BlockType {
    @Override
    public String name() {
        return "global_pool";
    }

    @Override
    public List<BlockParam> params() {
        return List.of(new BlockParam("type", "avg", Checks.oneOf("max", "avg")));
    }

    @Override
    public Layout layout() {
        return Layout.FLAT;
    }

    @Override
    public Layer layer(BlockValues values) {
        return new GlobalPoolingLayer.Builder(PoolBlock.poolingType(values.text("type"))).build();
    }
}
