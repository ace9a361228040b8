package io.tune4j.trainer.network.block;

import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * A kind of block in a {@code network:} section: its name there, the settings it takes, and the DL4J layer it
 * becomes. A new layer type is one implementation plus its line in {@link BlockTypes}.
 */
public interface BlockType {

    /** What a block makes of the layout of its input. */
    enum Layout {
        /** Needs image-shaped input and keeps it (convolution, pooling). */
        IMAGE,
        /** Takes either and returns flat features (dense, global pooling, output). */
        FLAT,
        /** Takes either and keeps it (batch normalization, dropout). */
        SAME
    }

    String name();

    List<BlockParam> params();

    Layout layout();

    /**
     * The settings whose space-wide param of the same name (in {@code space:}) is this block's default when the
     * block does not set them: {@code activation} for hidden layers, as in the dense shorthand.
     */
    default Set<String> spaceWide() {
        return Set.of("activation");
    }

    Layer layer(BlockValues values);
}
