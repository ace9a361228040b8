package io.tune4j.search.sampler.gp;

import io.tune4j.search.space.CategoricalParameter;
import io.tune4j.search.space.FixedParameter;
import io.tune4j.search.space.Parameter;
import io.tune4j.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns params into GP inputs. A numeric parameter is one input, its unit coordinate: for a log parameter
 * that coordinate is already on the log scale, which is the input warping log ranges need. A categorical
 * parameter is one-hot, so no order is invented between its choices. A parameter whose branch was not taken
 * is a constant (0.5, or all-zero one-hot): the parent's one-hot already tells those trials apart.
 */
final class InputEncoding {
    private static final double INACTIVE = 0.5;

    private final List<Parameter> parameters = new ArrayList<>();
    private final int width;

    InputEncoding(SearchSpace space) {
        int columns = 0;
        for (Parameter parameter : space.parameters()) {
            if (parameter instanceof FixedParameter) continue;
            parameters.add(parameter);
            columns += parameter instanceof CategoricalParameter c ? c.choices().size() : 1;
        }
        this.width = columns;
    }

    int width() {
        return width;
    }

    double[] encode(Map<String, Object> params) {
        double[] x = new double[width];
        int column = 0;
        for (Parameter parameter : parameters) {
            boolean active = SearchSpace.isActive(parameter, params) && parameter.contains(params.get(parameter.name()));
            if (parameter instanceof CategoricalParameter categorical) {
                if (active) x[column + categorical.choices().indexOf(params.get(parameter.name()))] = 1;
                column += categorical.choices().size();
            } else {
                x[column++] = active ? parameter.toUnit(params.get(parameter.name())) : INACTIVE;
            }
        }
        return x;
    }
}
