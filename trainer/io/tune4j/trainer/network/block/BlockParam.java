package io.tune4j.trainer.network.block;

import io.tune4j.trainer.network.ParamRule;
import java.util.Optional;
import java.util.function.Function;

/** One setting of a block type: its key, its default ({@code null}: derived from others), and its check. */
public record BlockParam(String key, Object defaultValue, Function<Object, Optional<String>> check) implements ParamRule {
    @Override
    public Optional<String> problemWith(Object value) {
        return check.apply(value);
    }
}
