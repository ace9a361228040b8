package io.tune4j.trainer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.spec.SpaceParser;
import io.tune4j.search.spec.SpecDocument;
import io.tune4j.search.study.Direction;
import io.tune4j.trainer.data.ImageShape;
import io.tune4j.trainer.spec.NetworkSection;
import io.tune4j.trainer.spec.NetworkSectionParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

/**
 * A {@code network:} section sampled many times: every sampled block setting must be read back from the layer it
 * belongs to in the built DL4J configuration, layers must come in the declared order and number (repeats, optional
 * blocks, per-repeat widths, scaled widths), and DL4J's shape inference must connect them on 8x8 images.
 */
class LayerStackTest {
    private static final ImageShape DIGITS = new ImageShape(8, 8, 1);
    private static final String EVERY_BLOCK = """
            network:
              - conv2d: {filters: {int: [2, 6]}, kernel: {choice: [1, 3]}, stride: {choice: [1, 2]},
                         padding: {choice: [same, valid]}, activation: {choice: [RELU, TANH]}, dropout: {uniform: [0.0, 0.5]}}
              - batch_norm: {optional: true}
              - pool: {type: {choice: [max, avg]}, kernel: {choice: [1, 2]}, stride: {choice: [1, 2]}}
              - dropout: {rate: {uniform: [0.0, 0.5]}}
              - dense: {repeat: {int: [0, 3]}, vary: own, units: {int: [3, 20]}, activation: {choice: [RELU, ELU]},
                        dropout: {uniform: [0.0, 0.5]}}
              - dense: {name: funnel, repeat: 3, scale: {units: 0.5}, units: {int: [8, 16]}}
              - output: {dropout: {uniform: [0.0, 0.3]}}
            """;

    @Test
    void everySampledBlockSettingReachesItsLayer() {
        NetworkSection section = section(EVERY_BLOCK);
        SearchSpace space = SpaceParser.parse(Optional.empty(), section.extension()).space();
        RandomSampler sampler = new RandomSampler(11);
        for (int n = 0; n < 200; n++) {
            Map<String, Object> params = sampler.suggest(new SamplingContext(space, Direction.MAXIMIZE, n, List.of(), List.of()));
            MultiLayerConfiguration conf = build(section, params);
            List<Layer> layers = new ArrayList<>();
            for (int i = 0; i < conf.getConfs().size(); i++) layers.add(conf.getConf(i).getLayer());
            int at = 0;
            ConvolutionLayer conv = assertInstanceOf(ConvolutionLayer.class, layers.get(at++), params.toString());
            assertEquals(params.get("conv2d_1.filters"), (int) conv.getNOut());
            assertEquals(params.get("conv2d_1.kernel"), conv.getKernelSize()[0]);
            assertEquals(params.get("conv2d_1.stride"), conv.getStride()[0]);
            assertEquals(params.get("conv2d_1.padding").equals("same") ? ConvolutionMode.Same : ConvolutionMode.Truncate,
                    conv.getConvolutionMode());
            assertEquals(params.get("conv2d_1.activation"), activation(conv));
            assertEquals((double) params.get("conv2d_1.dropout"), dropped(conv), 1e-12);
            if ((Boolean) params.get("batch_norm_1.include")) assertInstanceOf(BatchNormalization.class, layers.get(at++));
            SubsamplingLayer pool = assertInstanceOf(SubsamplingLayer.class, layers.get(at++));
            assertEquals(params.get("pool_1.type").equals("max") ? PoolingType.MAX : PoolingType.AVG, pool.getPoolingType());
            assertEquals(params.get("pool_1.kernel"), pool.getKernelSize()[0]);
            assertEquals(params.get("pool_1.stride"), pool.getStride()[0]);
            DropoutLayer dropout = assertInstanceOf(DropoutLayer.class, layers.get(at++));
            assertEquals((double) params.get("dropout_1.rate"), 1.0 - ((Dropout) dropout.getIDropout()).getP(), 1e-12);
            int repeats = (Integer) params.get("dense_1.repeat");
            for (int r = 1; r <= repeats; r++) {
                DenseLayer dense = assertInstanceOf(DenseLayer.class, layers.get(at++));
                assertEquals(params.get("dense_1." + r + ".units"), (int) dense.getNOut(), params.toString());
                assertEquals(params.get("dense_1." + r + ".activation"), activation(dense));
                assertEquals((double) params.get("dense_1." + r + ".dropout"), dropped(dense), 1e-12);
            }
            assertNull(params.get("dense_1." + (repeats + 1) + ".units"), "a layer beyond the count has no width");
            int width = (Integer) params.get("funnel.units");
            for (int r = 0; r < 3; r++) {
                DenseLayer dense = assertInstanceOf(DenseLayer.class, layers.get(at++));
                assertEquals(Math.max(1, Math.round(width * Math.pow(0.5, r))), dense.getNOut(), "funnel layer " + r);
            }
            OutputLayer output = assertInstanceOf(OutputLayer.class, layers.get(at++));
            assertEquals(10, output.getNOut());
            assertEquals((double) params.get("output.dropout"), dropped(output), 1e-12);
            assertEquals(layers.size(), at, "no layer beyond the declared ones");
        }
    }

    @Test
    void globalPoolingGivesTheOutputOneInputPerChannel() {
        NetworkSection section = section("""
                network:
                  - conv2d: {filters: 12, kernel: 3, padding: valid}
                  - global_pool: {type: max}
                """);
        MultiLayerConfiguration conf = build(section, Map.of());
        assertInstanceOf(GlobalPoolingLayer.class, conf.getConf(1).getLayer());
        OutputLayer output = assertInstanceOf(OutputLayer.class, conf.getConf(2).getLayer());
        assertEquals(12, output.getNIn(), "one input per filter");
        assertEquals(1, ((ConvolutionLayer) conf.getConf(0).getLayer()).getNIn(), "grey images have one channel");
    }

    @Test
    void aSpaceWideActivationIsTheDefaultOfEveryBlockThatTakesOne() {
        NetworkSection section = section("""
                network:
                  - dense: {units: 5}
                  - dense: {units: 5, activation: TANH}
                """);
        MultiLayerConfiguration conf = build(section, Map.of("activation", "ELU"));
        assertEquals("ELU", activation((BaseLayer) conf.getConf(0).getLayer()));
        assertEquals("TANH", activation((BaseLayer) conf.getConf(1).getLayer()));
        assertTrue(conf.getConf(2).getLayer() instanceof OutputLayer);
    }

    private static NetworkSection section(String yaml) {
        return NetworkSectionParser.parse(SpecDocument.parse("test.yaml", yaml).mapping().get("network"),
                true);
    }

    private static MultiLayerConfiguration build(NetworkSection section, Map<String, Object> params) {
        InputType input = InputType.convolutionalFlat(DIGITS.height(), DIGITS.width(), DIGITS.channels());
        BuiltNetwork built = section.definition().build(params, new NetworkContext(input, 10, 1));
        return ((BuiltNetwork.Layers) built).configuration();
    }

    private static String activation(BaseLayer layer) {
        for (Activation activation : Activation.values()) {
            if (activation.getActivationFunction().getClass().equals(layer.getActivationFn().getClass())) {
                return activation.name();
            }
        }
        throw new AssertionError("unknown activation " + layer.getActivationFn());
    }

    private static double dropped(Layer layer) {
        return layer.getIDropout() == null ? 0.0 : 1.0 - ((Dropout) layer.getIDropout()).getP();
    }
}
