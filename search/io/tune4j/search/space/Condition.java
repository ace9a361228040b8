package io.tune4j.search.space;

import java.util.Map;
import java.util.Objects;

/** "This parameter exists only when {@code parent} took {@code value}" — e.g. momentum only for sgd. */
public record Condition(String parent, Object value) {

    public Condition {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(value, "value");
    }

    public boolean holds(Map<String, Object> params) {
        return value.equals(params.get(parent));
    }

    @Override
    public String toString() {
        return parent + " = " + value;
    }
}
