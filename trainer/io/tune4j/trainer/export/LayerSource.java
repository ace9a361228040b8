package io.tune4j.trainer.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/**
 * The builder expression of one layer of the kinds tune4j builds (dense, conv2d, pool, batch norm, dropout,
 * global pool, output), spelling out each setting a layer of its kind carries; settings every layer shares
 * (updater, weight initializer, L1/L2) are written once, globally, by {@link NetworkSource}.
 */
final class LayerSource {
    private static final double BATCH_NORM_DECAY = new BatchNormalization.Builder().build().getDecay();
    private static final double BATCH_NORM_EPS = new BatchNormalization.Builder().build().getEps();

    private final JavaExpressions java;

    LayerSource(JavaExpressions java) {
        this.java = java;
    }

    String of(Layer layer) {
        List<String> calls = new ArrayList<>();
        String builder;
        if (layer instanceof OutputLayer output) {
            builder = java.type(OutputLayer.Builder.class) + "(" + java.loss(output.getLossFn()) + ")";
            feedForward(output, calls);
            if (!output.hasBias()) calls.add("hasBias(false)");
        } else if (layer instanceof DenseLayer dense) {
            builder = java.type(DenseLayer.Builder.class) + "()";
            feedForward(dense, calls);
            if (!dense.hasBias()) calls.add("hasBias(false)");
            if (dense.hasLayerNorm()) calls.add("hasLayerNorm(true)");
        } else if (layer instanceof ConvolutionLayer conv && conv.getClass() == ConvolutionLayer.class) {
            builder = java.type(ConvolutionLayer.Builder.class) + "(" + JavaExpressions.ints(conv.getKernelSize()) + ")";
            calls.add("stride(" + JavaExpressions.ints(conv.getStride()) + ")");
            spatial(conv.getPadding(), conv.getDilation(), calls);
            calls.add("convolutionMode(" + java.constant(conv.getConvolutionMode()) + ")");
            feedForward(conv, calls);
            if (!conv.hasBias()) calls.add("hasBias(false)");
        } else if (layer instanceof SubsamplingLayer pool && pool.getClass() == SubsamplingLayer.class) {
            builder = java.type(SubsamplingLayer.Builder.class) + "(" + java.constant(pool.getPoolingType()) + ")";
            calls.add("kernelSize(" + JavaExpressions.ints(pool.getKernelSize()) + ")");
            calls.add("stride(" + JavaExpressions.ints(pool.getStride()) + ")");
            spatial(pool.getPadding(), pool.getDilation(), calls);
            calls.add("convolutionMode(" + java.constant(pool.getConvolutionMode()) + ")");
            if (pool.getPoolingType() == PoolingType.PNORM) calls.add("pnorm(" + pool.getPnorm() + ")");
        } else if (layer instanceof BatchNormalization norm) {
            builder = java.type(BatchNormalization.Builder.class) + "()";
            feedForward(norm, calls);
            if (norm.getDecay() != BATCH_NORM_DECAY) calls.add("decay(" + JavaExpressions.number(norm.getDecay()) + ")");
            if (norm.getEps() != BATCH_NORM_EPS) calls.add("eps(" + JavaExpressions.number(norm.getEps()) + ")");
        } else if (layer instanceof DropoutLayer dropout) {
            builder = java.type(DropoutLayer.Builder.class) + "(" + JavaExpressions.dropout(dropout.getIDropout()) + ")";
            activation(dropout, calls);
        } else if (layer instanceof GlobalPoolingLayer pool) {
            builder = java.type(GlobalPoolingLayer.Builder.class) + "(" + java.constant(pool.getPoolingType()) + ")";
            if (pool.getPoolingType() == PoolingType.PNORM) calls.add("pnorm(" + pool.getPnorm() + ")");
            if (!pool.isCollapseDimensions()) calls.add("collapseDimensions(false)");
            if (pool.getPoolingDimensions() != null) {
                calls.add("poolingDimensions(" + JavaExpressions.ints(pool.getPoolingDimensions()) + ")");
            }
        } else {
            throw new UnsupportedNetworkException("layer " + layer.getLayerName() + " is a "
                    + layer.getClass().getSimpleName() + " (written: dense, convolution, subsampling, batch"
                    + " normalization, dropout, global pooling and output layers)");
        }
        if (layer.getLayerName() != null) calls.add("name(" + JavaExpressions.text(layer.getLayerName()) + ")");
        StringBuilder text = new StringBuilder("new ").append(builder);
        for (String call : calls) text.append("\n                        .").append(call);
        return text.append("\n                        .build()").toString();
    }

    /** nIn and nOut as built (setInputType would infer the same), the activation and the dropout on the inputs. */
    private void feedForward(FeedForwardLayer layer, List<String> calls) {
        calls.add("nIn(" + layer.getNIn() + ")");
        calls.add("nOut(" + layer.getNOut() + ")");
        activation(layer, calls);
        if (layer.getIDropout() != null) calls.add("dropOut(" + JavaExpressions.dropout(layer.getIDropout()) + ")");
    }

    private void activation(BaseLayer layer, List<String> calls) {
        calls.add("activation(" + java.activation(layer.getActivationFn()) + ")");
    }

    private static void spatial(int[] padding, int[] dilation, List<String> calls) {
        if (Arrays.stream(padding).anyMatch(p -> p != 0)) calls.add("padding(" + JavaExpressions.ints(padding) + ")");
        if (Arrays.stream(dilation).anyMatch(d -> d != 1)) calls.add("dilation(" + JavaExpressions.ints(dilation) + ")");
    }
}
