package io.tune4j.trainer.network.block;

import io.tune4j.trainer.network.BuiltNetwork;
import io.tune4j.trainer.network.NetworkContext;
import io.tune4j.trainer.network.NetworkDefinition;
import io.tune4j.trainer.network.StandardSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * The network a {@code network:} section lists: its blocks in order, each as many layers as it repeats, then
 * the output layer. DL4J's {@code setInputType} infers every layer's input size and inserts the reshaping between
 * image-shaped and flat layers, and refuses shapes that cannot work (a kernel larger than its input).
 */
public record LayerStack(List<Block> blocks) implements NetworkDefinition {

    public LayerStack {
        blocks = List.copyOf(blocks);
    }

    @Override
    public BuiltNetwork build(Map<String, Object> params, NetworkContext context) {
        NeuralNetConfiguration.ListBuilder layers = StandardSettings.builder(params, context.seed()).list();
        Block output = null;
        for (Block block : blocks) {
            if (block.type() instanceof OutputBlock) {
                output = block;
                continue;
            }
            if (!block.isIncluded(params)) continue;
            int repeats = block.repeatsIn(params);
            for (int repeat = 1; repeat <= repeats; repeat++) {
                Layer layer = block.type().layer(block.values(repeat, params, context));
                // Named after its block, so that DL4J's messages and ours point at the line of the space file.
                layer.setLayerName(repeats == 1 ? block.name() : block.name() + "." + repeat);
                layers.layer(layer);
            }
        }
        Block last = output != null ? output : defaultOutput();
        Layer outputLayer = last.type().layer(last.values(1, params, context));
        outputLayer.setLayerName(last.name());
        layers.layer(outputLayer);
        return BuiltNetwork.of(layers.setInputType(context.input()).build());
    }

    /** Whether any block needs its input laid out as an image. */
    public boolean needsImages() {
        return blocks.stream().anyMatch(b -> b.type().layout() == BlockType.Layout.IMAGE);
    }

    private static Block defaultOutput() {
        return new Block(OutputBlock.NAME, new OutputBlock(), Map.of(), Set.of(), 1, false, false, Map.of(),
                false);
    }
}
