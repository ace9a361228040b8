package io.tune4j.search.spec;

import io.tune4j.search.space.CategoricalParameter;
import io.tune4j.search.space.FixedParameter;
import io.tune4j.search.space.FloatParameter;
import io.tune4j.search.space.IntParameter;
import io.tune4j.search.space.Parameter;
import io.tune4j.search.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the params of one trial, {@code {param: value, ...}}, such as a trial to enqueue: each value as its param's
 * type (a float param written {@code 1} is 1.0), and the whole checked against the space, so params outside it
 * are refused at the line of the param at fault.
 */
public final class ParamsParser {
    private ParamsParser() {}

    public static Map<String, Object> parse(SpecNode node, SearchSpace space) {
        SpecMapping written = node.mapping();
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter parameter : space.parameters()) byName.putIfAbsent(parameter.name(), parameter);
        Map<String, Object> params = new LinkedHashMap<>();
        for (SpecMapping.Entry entry : written.entries()) {
            Parameter parameter = byName.get(entry.name());
            if (parameter == null) {
                throw entry.key().fail("unknown param '" + entry.name() + "'"
                        + NearestName.hint(entry.name(), byName.keySet()) + " (known: "
                        + String.join(", ", byName.keySet()) + ")");
            }
            params.put(entry.name(), value(parameter, entry.value()));
        }
        space.firstViolation(params).ifPresent(violation -> {
            throw written.get(violation.param()).orElse(node).fail(violation.problem());
        });
        return params;
    }

    private static Object value(Parameter parameter, SpecNode node) {
        if (parameter instanceof FloatParameter) return node.number();
        if (parameter instanceof IntParameter) return node.integer();
        Object written = node.scalar();
        List<?> choices = parameter instanceof CategoricalParameter categorical ? categorical.choices()
                : List.of(((FixedParameter) parameter).value());
        // A choice of 64 or of true is that value in YAML; one of 1e-3 may be written 0.001: compare as text too.
        for (Object choice : choices) {
            if (choice.equals(written) || String.valueOf(choice).equals(String.valueOf(written))) return choice;
        }
        return written;
    }
}
