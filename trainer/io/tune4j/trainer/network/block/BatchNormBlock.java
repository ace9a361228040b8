package io.tune4j.trainer.network.block;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;

/** {@code batch_norm}: batch normalization, per channel after a convolution, per feature after a dense layer. */
final class BatchNormBlock implements BlockType {
    @Override
    public String name() {
        return "batch_norm";
    }

    @Override
    public List<BlockParam> params() {
        return List.of();
    }

    @Override
    public Layout layout() {
        return Layout.SAME;
    }

    @Override
    public Layer layer(BlockValues values) {
        return new BatchNormalization.Builder().build();
    }
}
