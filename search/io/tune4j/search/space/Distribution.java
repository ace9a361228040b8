package io.tune4j.search.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one param of a space was declared, in plain values a store can keep: {@code uniform},
 * {@code log_uniform}, {@code int}, {@code int_log}, {@code choice} or {@code fixed}, with its bounds or its
 * choices (as text, in declared order). Charts draw each param on the scale it was sampled on, which the
 * observed values alone cannot tell (a learning rate tried only between 0.01 and 0.09 still is log-uniform).
 */
public record Distribution(String name, String type, Double low, Double high, List<String> choices) {
    public Distribution {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
    }

    /** Drawn on a log axis. */
    public boolean log() {
        return type.equals("log_uniform") || type.equals("int_log");
    }

    /** Drawn as categories, in the declared order of {@link #choices}. */
    public boolean categorical() {
        return type.equals("choice") || type.equals("fixed");
    }

    public static Distribution of(Parameter parameter) {
        if (parameter instanceof FloatParameter p) {
            return new Distribution(p.name(), p.log() ? "log_uniform" : "uniform", p.low(), p.high(), List.of());
        }
        if (parameter instanceof IntParameter p) {
            return new Distribution(p.name(), p.log() ? "int_log" : "int", (double) p.low(), (double) p.high(),
                    List.of());
        }
        if (parameter instanceof CategoricalParameter p) {
            return new Distribution(p.name(), "choice", null, null, p.choices().stream().map(String::valueOf).toList());
        }
        if (parameter instanceof FixedParameter p) {
            return new Distribution(p.name(), "fixed", null, null, List.of(String.valueOf(p.value())));
        }
        throw new IllegalArgumentException("no distribution for parameter type " + parameter.getClass().getName());
    }

    /** One per param of {@code space}; a param declared under several conditions is listed once. */
    public static List<Distribution> of(SearchSpace space) {
        List<Distribution> all = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Parameter parameter : space.parameters()) {
            if (seen.contains(parameter.name())) continue;
            seen.add(parameter.name());
            all.add(of(parameter));
        }
        return all;
    }
}
