package io.tune4j.trainer.network.block;

import java.util.List;
import java.util.Optional;

/** Every block type a {@code network:} section may name. */
public final class BlockTypes {
    private static final List<BlockType> ALL = List.of(new DenseBlock(), new Conv2dBlock(), new PoolBlock(),
            new BatchNormBlock(), new DropoutBlock(), new GlobalPoolBlock(), new OutputBlock());

    private BlockTypes() {}

    public static Optional<BlockType> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(BlockType::name).toList();
    }

    public static List<BlockType> all() {
        return ALL;
    }
}
