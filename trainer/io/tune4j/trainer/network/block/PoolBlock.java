package io.tune4j.trainer.network.block;

import io.tune4j.trainer.network.Checks;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/** {@code pool}: max or average pooling over square windows; the stride defaults to the window (Keras' default). */
final class PoolBlock implements BlockType {
    @Override
    public String name() {
        return "pool";
    }

    @Override
    public List<BlockParam> params() {
        return List.of(new BlockParam("type", "max", Checks.oneOf("max", "avg")),
                new BlockParam("kernel", 2, Checks::positiveInteger),
                new BlockParam("stride", null, Checks::positiveInteger),
                new BlockParam("padding", "valid", Checks.oneOf("same", "valid")));
    }

    @Override
    public Layout layout() {
        return Layout.IMAGE;
    }

    @Override
    public Layer layer(BlockValues values) {
        int kernel = values.integer("kernel");
        int stride = values.find("stride").map(s -> ((Number) s).intValue()).orElse(kernel);
        return new SubsamplingLayer.Builder(poolingType(values.text("type")))
                .kernelSize(kernel, kernel)
                .stride(stride, stride)
                .convolutionMode(Conv2dBlock.Padding.mode(values.text("padding")))
                .build();
    }

    static PoolingType poolingType(String type) {
        return type.equals("max") ? PoolingType.MAX : PoolingType.AVG;
    }
}
