package io.tune4j.trainer.network.block;

import io.tune4j.trainer.network.Checks;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.activations.Activation;

/**
 * {@code conv2d}: a 2-D convolution with square kernels. {@code padding: same} keeps height and width (at stride 1);
 * {@code valid} uses no padding, as Keras' valid (DL4J's Truncate mode).
 */
final class Conv2dBlock implements BlockType {
    @Override
    public String name() {
        return "conv2d";
    }

    @Override
    public List<BlockParam> params() {
        return List.of(new BlockParam("filters", 32, Checks::positiveInteger),
                new BlockParam("kernel", 3, Checks::positiveInteger),
                new BlockParam("stride", 1, Checks::positiveInteger),
                new BlockParam("padding", "same", Checks.oneOf("same", "valid")),
                new BlockParam("activation", "RELU", Checks.enumName(Activation.class)),
                new BlockParam("dropout", 0.0, Checks::dropProbability));
    }

    @Override
    public Layout layout() {
        return Layout.IMAGE;
    }

    @Override
    public Layer layer(BlockValues values) {
        int kernel = values.integer("kernel");
        int stride = values.integer("stride");
        ConvolutionLayer.Builder conv = new ConvolutionLayer.Builder(kernel, kernel)
                .stride(stride, stride)
                .nOut(values.integer("filters"))
                .convolutionMode(Padding.mode(values.text("padding")))
                .activation(values.activation());
        if (values.number("dropout") > 0) conv.dropOut(values.retain("dropout"));
        return conv.build();
    }

    /** Keras' padding names in DL4J's terms. */
    static final class Padding {
        private Padding() {}

        static ConvolutionMode mode(String padding) {
            return padding.equals("same") ? ConvolutionMode.Same : ConvolutionMode.Truncate;
        }
    }
}
