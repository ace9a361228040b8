package io.tune4j.trainer.network.block;

import io.tune4j.trainer.data.Task;
import io.tune4j.trainer.network.NetworkContext;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of a {@code network:} section: a block type with the values written in the file ({@code fixed}) and
 * the keys whose values a trial samples ({@code sampled}), repeated {@code repeats} times or a sampled number of
 * times, optionally present. Sampled values are trial params named {@code <block>.<key>}, or
 * {@code <block>.<repeat>.<key>} when each repeat samples its own ({@code vary: own}); {@code scale} multiplies a
 * value by its factor at each further repeat (widths that halve: {@code scale: {units: 0.5}}).
 */
public record Block(String name, BlockType type, Map<String, Object> fixed, Set<String> sampled, int repeats,
                    boolean sampledRepeats, boolean ownPerRepeat, Map<String, Double> scale, boolean optional) {

    public Block {
        fixed = Map.copyOf(fixed);
        sampled = Set.copyOf(sampled);
        scale = Map.copyOf(scale);
    }

    /** The param that holds the sampled value of {@code key} for the {@code repeat}-th layer (1-based). */
    public String paramName(String key, int repeat) {
        return ownPerRepeat ? name + "." + repeat + "." + key : name + "." + key;
    }

    public String repeatParam() {
        return name + ".repeat";
    }

    public String includeParam() {
        return name + ".include";
    }

    boolean isIncluded(Map<String, Object> params) {
        return !optional || Boolean.TRUE.equals(params.get(includeParam()));
    }

    int repeatsIn(Map<String, Object> params) {
        if (!sampledRepeats) return repeats;
        Object value = params.get(repeatParam());
        if (!(value instanceof Integer count) || count < 0) {
            throw new IllegalArgumentException("param '" + repeatParam() + "' = " + value + ": must be an integer >= 0");
        }
        return count;
    }

    /** The settings of this block's {@code repeat}-th layer in a trial with {@code params}. */
    BlockValues values(int repeat, Map<String, Object> params, NetworkContext context) {
        return new BlockValues() {
            @Override
            public Optional<Object> find(String key) {
                BlockParam param = param(key);
                Object value = valueOf(param, repeat, params);
                if (value == null) return Optional.empty();
                param.problemWith(value).ifPresent(problem -> {
                    throw new IllegalArgumentException("block " + name + ": " + key + " = " + value + " " + problem);
                });
                return Optional.of(value);
            }

            @Override
            public int outputs() {
                return context.outputs();
            }

            @Override
            public Task task() {
                return context.task();
            }
        };
    }

    private BlockParam param(String key) {
        return type.params().stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.name() + " has no param '" + key + "'"));
    }

    private Object valueOf(BlockParam param, int repeat, Map<String, Object> params) {
        String key = param.key();
        Object value;
        if (fixed.containsKey(key)) value = fixed.get(key);
        else if (sampled.contains(key)) value = params.get(paramName(key, repeat));
        // A space-wide activation is the default of every block that takes one, as in the dense shorthand.
        else if (type.spaceWide().contains(key) && params.containsKey(key)) value = params.get(key);
        else value = param.defaultValue();
        return scaled(key, value, repeat);
    }

    private Object scaled(String key, Object value, int repeat) {
        Double factor = scale.get(key);
        if (factor == null || repeat == 1 || !(value instanceof Number number)) return value;
        double result = number.doubleValue() * Math.pow(factor, repeat - 1);
        if (value instanceof Integer) return Math.max(1, (int) Math.round(result)); // not ?: — it would widen to double
        return result;
    }
}
