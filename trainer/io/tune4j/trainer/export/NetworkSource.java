package io.tune4j.trainer.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.schedule.FixedSchedule;

/**
 * Java source of a class whose static {@code configuration()} rebuilds a {@link MultiLayerConfiguration} with
 * DL4J's builders: the global settings (seed, workspaces, data type, updater with its schedule, weight
 * initializer, L1/L2), every layer with its settings, then {@code setInputType}, which adds the same input
 * preprocessors the original has. Written from the configuration object, not from a trial's params, so that
 * {@code configuration().toJson()} equals the original's JSON (a fresh configuration counts no iterations or
 * epochs; a trained model's JSON does).
 */
public final class NetworkSource {
    private NetworkSource() {}

    /**
     * @param header comment lines put above the class (without the {@code //})
     * @throws UnsupportedNetworkException naming what cannot be written
     */
    public static String of(MultiLayerConfiguration conf, String className, List<String> header) {
        JavaExpressions java = new JavaExpressions();
        List<Layer> layers = new ArrayList<>();
        for (NeuralNetConfiguration layerConf : conf.getConfs()) layers.add(layerConf.getLayer());
        BaseLayer shared = sharedSettings(layers);
        NeuralNetConfiguration first = conf.getConf(0);
        if (conf.getBackpropType() != BackpropType.Standard) {
            throw new UnsupportedNetworkException("backpropagation " + conf.getBackpropType() + " (only Standard is written)");
        }
        StringBuilder body = new StringBuilder();
        body.append("        return new ").append(java.type(NeuralNetConfiguration.Builder.class)).append("()\n");
        chain(body, "seed(" + JavaExpressions.number(first.getSeed()) + ")");
        if (conf.getCacheMode() != CacheMode.NONE) chain(body, "cacheMode(" + java.constant(conf.getCacheMode()) + ")");
        chain(body, "trainingWorkspaceMode(" + java.constant(conf.getTrainingWorkspaceMode()) + ")");
        chain(body, "inferenceWorkspaceMode(" + java.constant(conf.getInferenceWorkspaceMode()) + ")");
        chain(body, "dataType(" + java.constant(conf.getDataType()) + ")");
        if (!first.isMiniBatch()) chain(body, "miniBatch(false)");
        if (shared != null) {
            chain(body, "updater(updater())");
            chain(body, "weightInit(" + java.weightInit(shared.getWeightInitFn()) + ")");
            regularization(shared.getRegularization(), "", body);
            regularization(shared.getRegularizationBias(), "Bias", body);
        }
        chain(body, "list()");
        LayerSource layerSource = new LayerSource(java);
        for (Layer layer : layers) chain(body, "layer(" + layerSource.of(layer) + ")");
        chain(body, "setInputType(" + inputType(conf, layers, java) + ")");
        chain(body, "build();");

        StringBuilder text = new StringBuilder();
        for (String line : header) text.append("// ").append(line).append('\n');
        String multiLayer = java.type(MultiLayerConfiguration.class);
        String updaterType = shared != null ? java.type(IUpdater.class) : null;
        List<String> updater = shared != null ? UpdaterSource.statements(shared.getIUpdater(), java) : List.of();
        text.append('\n').append(java.importLines()).append('\n');
        text.append("public final class ").append(className).append(" {\n");
        text.append("    private ").append(className).append("() {}\n\n");
        text.append("    public static ").append(multiLayer).append(" configuration() {\n");
        text.append(body);
        text.append("    }\n");
        if (shared != null) {
            text.append("\n    private static ").append(updaterType).append(" updater() {\n");
            for (String line : updater) text.append("        ").append(line).append('\n');
            text.append("    }\n");
        }
        return text.append("}\n").toString();
    }

    private static void chain(StringBuilder body, String call) {
        body.append("                .").append(call).append('\n');
    }

    /**
     * The first layer with an updater, whose updater, weight initializer and regularization become the global
     * settings; every other such layer must carry the same ones (as a network built from one builder does).
     */
    private static BaseLayer sharedSettings(List<Layer> layers) {
        BaseLayer shared = null;
        for (Layer layer : layers) {
            if (!(layer instanceof BaseLayer base)) continue;
            if (shared == null) {
                shared = base;
                if (base.getBiasUpdater() != null) {
                    throw new UnsupportedNetworkException("layer " + base.getLayerName() + " has a bias updater of its own");
                }
                continue;
            }
            if (!JavaExpressions.same(base.getIUpdater(), shared.getIUpdater())
                    || !JavaExpressions.same(base.getBiasUpdater(), shared.getBiasUpdater())
                    || !JavaExpressions.same(base.getWeightInitFn(), shared.getWeightInitFn())
                    || !JavaExpressions.same(base.getRegularization(), shared.getRegularization())
                    || !JavaExpressions.same(base.getRegularizationBias(), shared.getRegularizationBias())) {
                throw new UnsupportedNetworkException("layer " + base.getLayerName() + " has an updater, weight"
                        + " initializer or regularization of its own (written: one set shared by every layer)");
            }
        }
        return shared;
    }

    /** L1 and L2 as the builder's {@code l1(…)}/{@code l2(…)} (or their Bias forms), in the order they apply. */
    private static void regularization(List<Regularization> terms, String suffix, StringBuilder body) {
        for (Regularization term : terms) {
            if (term instanceof L1Regularization l1 && l1.getL1() instanceof FixedSchedule fixed) {
                chain(body, "l1" + suffix + "(" + JavaExpressions.number(fixed.getValue()) + ")");
            } else if (term instanceof L2Regularization l2 && l2.getL2() instanceof FixedSchedule fixed) {
                chain(body, "l2" + suffix + "(" + JavaExpressions.number(fixed.getValue()) + ")");
            } else {
                throw new UnsupportedNetworkException("regularization " + term + " (fixed L1 and L2 are written)");
            }
        }
    }

    /**
     * The input the network was built for, as far as its JSON tells: images given as flat rows (tune4j's
     * InputType.convolutionalFlat) leave a FeedForwardToCnnPreProcessor before the first layer; otherwise the
     * first layer's nIn is the row width. Checked: setInputType with it must add exactly the original's
     * preprocessors, or the rebuilt configuration would differ.
     */
    private static String inputType(MultiLayerConfiguration conf, List<Layer> layers, JavaExpressions java) {
        InputPreProcessor atInput = conf.getInputPreProcess(0);
        InputType input;
        String source;
        String type = java.type(InputType.class);
        if (atInput instanceof FeedForwardToCnnPreProcessor image) {
            input = InputType.convolutionalFlat(image.getInputHeight(), image.getInputWidth(), image.getNumChannels());
            source = type + ".convolutionalFlat(" + image.getInputHeight() + ", " + image.getInputWidth() + ", "
                    + image.getNumChannels() + ")";
        } else if (atInput == null && layers.get(0) instanceof FeedForwardLayer flat && flat.getNIn() > 0) {
            input = InputType.feedForward(flat.getNIn());
            source = type + ".feedForward(" + flat.getNIn() + ")";
        } else {
            throw new UnsupportedNetworkException("the input type cannot be told from the configuration (first layer "
                    + layers.get(0).getClass().getSimpleName() + ", preprocessor " + atInput + ")");
        }
        NeuralNetConfiguration.ListBuilder rebuilt = new NeuralNetConfiguration.Builder().list();
        for (Layer layer : layers) rebuilt.layer(layer.clone());
        Map<Integer, InputPreProcessor> added = rebuilt.setInputType(input).build().getInputPreProcessors();
        if (!JavaExpressions.same(added, conf.getInputPreProcessors())) {
            throw new UnsupportedNetworkException("its input preprocessors " + conf.getInputPreProcessors().keySet()
                    + " are not the ones setInputType adds " + added.keySet());
        }
        return source;
    }
}
