package io.tune4j.search.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An ordered set of parameters, parents before the parameters that depend on them. A point of the unit
 * hypercube (one coordinate per parameter, conditional ones included) maps to one assignment of params;
 * coordinates of parameters whose condition does not hold are ignored.
 */
public final class SearchSpace {
    private final List<Parameter> parameters;

    private SearchSpace(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** One unit-cube coordinate per parameter, conditional parameters included. */
    public int dimensions() {
        return parameters.size();
    }

    /** The params at {@code point}; only the parameters active under the values chosen before them appear. */
    public Map<String, Object> fromUnit(double[] point) {
        if (point.length != parameters.size()) {
            throw new IllegalArgumentException("point has " + point.length + " coordinates, space has "
                    + parameters.size() + " dimensions");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < point.length; i++) {
            Parameter parameter = parameters.get(i);
            if (isActive(parameter, params)) params.put(parameter.name(), parameter.fromUnit(point[i]));
        }
        return params;
    }

    /** Whether {@code parameter} exists given the params chosen so far. */
    public static boolean isActive(Parameter parameter, Map<String, Object> params) {
        return parameter.condition().map(c -> c.holds(params)).orElse(true);
    }

    /** The parameters active in {@code params}, in space order. */
    public List<Parameter> activeIn(Map<String, Object> params) {
        List<Parameter> active = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (isActive(parameter, params) && params.containsKey(parameter.name())) active.add(parameter);
        }
        return active;
    }

    /** The first reason {@code params} is not a point of this space, or empty when it is one. */
    public Optional<String> violation(Map<String, Object> params) {
        return firstViolation(params).map(Violation::problem);
    }

    /** Why a point is not in the space, and the param it is about (for a reader to point at its line). */
    public record Violation(String param, String problem) {}

    /** As {@link #violation}, naming the param at fault. */
    public Optional<Violation> firstViolation(Map<String, Object> params) {
        Map<String, Object> seen = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            if (!isActive(parameter, seen)) continue;
            String name = parameter.name();
            Object value = params.get(name);
            if (value == null) return Optional.of(new Violation(name, "missing param '" + name + "'"));
            if (!parameter.contains(value)) {
                return Optional.of(new Violation(name, "param '" + name + "' = " + value + " is outside "
                        + parameter.describe()));
            }
            seen.put(name, value);
        }
        for (String name : params.keySet()) {
            if (!seen.containsKey(name)) {
                return Optional.of(new Violation(name, "param '" + name + "' is not active in this space"));
            }
        }
        return Optional.empty();
    }

    /** Adds parameters in order; {@code when} nests the parameters that exist only under one parent value. */
    public static final class Builder {
        private final List<Parameter> parameters = new ArrayList<>();
        private final Condition condition;
        private final Builder root;

        private Builder() {
            this.condition = null;
            this.root = this;
        }

        private Builder(Builder root, Condition condition) {
            this.root = root;
            this.condition = condition;
        }

        public Builder uniform(String name, double low, double high) {
            return add(new FloatParameter(name, low, high, false));
        }

        public Builder logUniform(String name, double low, double high) {
            return add(new FloatParameter(name, low, high, true));
        }

        public Builder integer(String name, int low, int high) {
            return add(new IntParameter(name, low, high, false));
        }

        public Builder integerLog(String name, int low, int high) {
            return add(new IntParameter(name, low, high, true));
        }

        public Builder choice(String name, Object... choices) {
            return add(new CategoricalParameter(name, Arrays.asList(choices)));
        }

        public Builder fixed(String name, Object value) {
            return add(new FixedParameter(name, value));
        }

        /** Parameters declared in {@code body} exist only when {@code parent} took {@code value}. */
        public Builder when(String parent, Object value, Consumer<Builder> body) {
            Parameter parentParameter = root.find(parent, condition)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "'" + parent + "' must be declared before parameters that depend on it"));
            if (!parentParameter.contains(value)) {
                throw new IllegalArgumentException("'" + value + "' is not a value of '" + parent + "' ("
                        + parentParameter.describe() + ")");
            }
            body.accept(new Builder(root, new Condition(parent, value)));
            return this;
        }

        public Builder add(Parameter parameter) {
            Parameter placed = condition == null ? parameter : parameter.when(condition);
            root.checkUnique(placed);
            root.parameters.add(placed);
            return this;
        }

        public SearchSpace build() {
            return new SearchSpace(root.parameters);
        }

        private Optional<Parameter> find(String name, Condition scope) {
            // The parent must be visible from the scope being declared: unconditional, or in the same branch.
            return parameters.stream()
                    .filter(p -> p.name().equals(name))
                    .filter(p -> p.condition().isEmpty() || p.condition().equals(Optional.ofNullable(scope)))
                    .findFirst();
        }

        /** A name may repeat only across sibling branches of one parent (sgd.momentum, nesterov.momentum). */
        private void checkUnique(Parameter candidate) {
            for (Parameter existing : parameters) {
                if (!existing.name().equals(candidate.name())) continue;
                Optional<Condition> a = existing.condition();
                Optional<Condition> b = candidate.condition();
                boolean exclusive = a.isPresent() && b.isPresent() && a.get().parent().equals(b.get().parent())
                        && !a.get().value().equals(b.get().value());
                if (!exclusive) {
                    throw new IllegalArgumentException("parameter '" + candidate.name() + "' is declared twice");
                }
            }
        }
    }
}
