package io.tune4j.search.sampler.tpe;

import io.tune4j.search.space.Condition;
import io.tune4j.search.space.FixedParameter;
import io.tune4j.search.space.Parameter;
import io.tune4j.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sets of parameters TPE models jointly. Parameters under the same condition are always active
 * together, so each such set can have joint kernels built from exactly the trials where it was active; a
 * trial where a branch was not taken then says nothing about that branch's parameters. Fixed parameters need
 * no model.
 */
final class ParameterGroups {
    private ParameterGroups() {}

    /** Groups in the order of their first parameter; one parameter per group unless {@code joint}. */
    static List<List<Parameter>> of(SearchSpace space, boolean joint) {
        Map<Optional<Condition>, List<Parameter>> byCondition = new LinkedHashMap<>();
        List<List<Parameter>> groups = new ArrayList<>();
        for (Parameter parameter : space.parameters()) {
            if (parameter instanceof FixedParameter) continue;
            if (!joint) {
                groups.add(List.of(parameter));
                continue;
            }
            byCondition.computeIfAbsent(parameter.condition(), c -> {
                List<Parameter> group = new ArrayList<>();
                groups.add(group);
                return group;
            }).add(parameter);
        }
        return groups;
    }

    /** Whether every parameter of {@code group} was active, with a value, in {@code params}. */
    static boolean activeIn(List<Parameter> group, Map<String, Object> params) {
        for (Parameter parameter : group) {
            if (!SearchSpace.isActive(parameter, params) || !parameter.contains(params.get(parameter.name()))) {
                return false;
            }
        }
        return true;
    }
}
