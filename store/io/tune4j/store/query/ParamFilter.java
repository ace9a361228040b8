package io.tune4j.store.query;

import java.util.List;
import java.util.Objects;

/**
 * Keeps the trials whose param {@code name} lies in {@code [min, max]} (numbers; either end may be open) or,
 * for categorical params, is one of {@code oneOf}. Trials without the param (a conditional one) are left out.
 */
public record ParamFilter(String name, Double min, Double max, List<String> oneOf) {
    public ParamFilter {
        Objects.requireNonNull(name, "name");
        oneOf = oneOf == null ? List.of() : List.copyOf(oneOf);
        if (min == null && max == null && oneOf.isEmpty()) {
            throw new IllegalArgumentException("filter on '" + name + "' needs a bound or a list of values");
        }
    }

    public static ParamFilter range(String name, Double min, Double max) {
        return new ParamFilter(name, min, max, List.of());
    }

    public static ParamFilter oneOf(String name, List<String> values) {
        return new ParamFilter(name, null, null, values);
    }
}
