package io.tune4j.search.sampler.gp;

import io.tune4j.search.space.CategoricalParameter;
import io.tune4j.search.space.FloatParameter;
import io.tune4j.search.space.IntParameter;
import io.tune4j.search.space.Parameter;
import io.tune4j.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns params into the GP's input vectors. The acquisition is searched on the space's own unit cube (one
 * coordinate per parameter, as {@link SearchSpace#fromUnit} reads it); the GP sees features derived from it:
 * <ul>
 *   <li>a numeric parameter is its unit coordinate, which is already on the log scale for a log parameter
 *       (the input warping that makes a learning rate's decades equally wide);</li>
 *   <li>a categorical with k choices is k one-hot columns sharing one length scale, so every pair of distinct
 *       choices is equally far apart and no order is invented;</li>
 *   <li>a parameter absent from a trial (its condition does not hold) takes a fixed imputed value: the centre
 *       for a numeric, all zeros for a categorical. Trials that agree on the parent then agree on it exactly,
 *       so the absent dimension adds nothing to their distance;</li>
 *   <li>fixed parameters and one-choice categoricals carry no information and get no column.</li>
 * </ul>
 */
final class InputEncoding {
    /** Integers with at most this many values are searched value by value, like categoricals. */
    static final int MAX_SWEPT_INTEGER_VALUES = 32;
    private static final double IMPUTED_NUMERIC = 0.5;

    private final SearchSpace space;
    private final List<Parameter> parameters;
    /** First feature column of each parameter; -1 for a parameter with no column. */
    private final int[] firstFeature;
    private final int[] groupOfFeature;
    private final int groups;

    InputEncoding(SearchSpace space) {
        this.space = space;
        this.parameters = space.parameters();
        this.firstFeature = new int[parameters.size()];
        List<Integer> featureGroups = new ArrayList<>();
        int group = 0;
        for (int i = 0; i < parameters.size(); i++) {
            int columns = columnsOf(parameters.get(i));
            firstFeature[i] = columns == 0 ? -1 : featureGroups.size();
            for (int c = 0; c < columns; c++) featureGroups.add(group);
            if (columns > 0) group++;
        }
        this.groups = group;
        this.groupOfFeature = featureGroups.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int columnsOf(Parameter parameter) {
        if (parameter instanceof FloatParameter || parameter instanceof IntParameter) return 1;
        if (parameter instanceof CategoricalParameter c) return c.choices().size() > 1 ? c.choices().size() : 0;
        return 0;
    }

    SearchSpace space() {
        return space;
    }

    int dimensions() {
        return parameters.size();
    }

    int features() {
        return groupOfFeature.length;
    }

    /** One length-scale group per parameter that has a column. */
    int groups() {
        return groups;
    }

    int[] groupOfFeature() {
        return groupOfFeature.clone();
    }

    /** The encoded features of a finished trial's params. */
    double[] encode(Map<String, Object> params) {
        double[] x = new double[features()];
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            if (firstFeature[i] < 0) continue;
            boolean active = SearchSpace.isActive(parameter, params) && params.containsKey(parameter.name());
            Object value = active ? params.get(parameter.name()) : null;
            write(i, value, active ? parameter.toUnit(value) : IMPUTED_NUMERIC, x);
        }
        return x;
    }

    /**
     * The features of search point {@code u}; numeric coordinates pass through unrounded, so the acquisition
     * is smooth in them (integers are rounded only when the final point is mapped back to params).
     */
    double[] encodePoint(double[] u) {
        return encodePoint(u, new boolean[u.length]);
    }

    /** As {@link #encodePoint(double[])}, also marking in {@code active} the parameters that exist at {@code u}. */
    double[] encodePoint(double[] u, boolean[] active) {
        Map<String, Object> params = space.fromUnit(u);
        double[] x = new double[features()];
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            active[i] = SearchSpace.isActive(parameter, params) && params.containsKey(parameter.name());
            if (firstFeature[i] < 0) continue;
            write(i, active[i] ? params.get(parameter.name()) : null, active[i] ? clampUnit(u[i]) : IMPUTED_NUMERIC, x);
        }
        return x;
    }

    /** The search point of a finished trial's params: its unit coordinates, the centre for absent parameters. */
    double[] searchPoint(Map<String, Object> params) {
        double[] u = new double[parameters.size()];
        for (int i = 0; i < u.length; i++) {
            Parameter parameter = parameters.get(i);
            boolean active = SearchSpace.isActive(parameter, params) && params.containsKey(parameter.name());
            u[i] = active ? parameter.toUnit(params.get(parameter.name())) : IMPUTED_NUMERIC;
        }
        return u;
    }

    private void write(int i, Object value, double numeric, double[] x) {
        Parameter parameter = parameters.get(i);
        if (parameter instanceof CategoricalParameter categorical) {
            if (value != null) x[firstFeature[i] + categorical.choices().indexOf(value)] = 1;
        } else {
            x[firstFeature[i]] = numeric;
        }
    }

    /**
     * The feature column that moves with coordinate i of a search point while that parameter is active, or -1
     * (categoricals, parameters without a column): the chain rule from features back to the search point.
     */
    int numericFeature(int i) {
        return parameters.get(i) instanceof CategoricalParameter ? -1 : firstFeature[i];
    }

    /** Whether coordinate i is searched by gradient steps (floats, wide integers). */
    boolean isContinuous(int i) {
        Parameter parameter = parameters.get(i);
        return parameter instanceof FloatParameter
                || parameter instanceof IntParameter p && p.high() - p.low() + 1 > MAX_SWEPT_INTEGER_VALUES;
    }

    /** The unit positions of every value of coordinate i, for a discrete sweep; empty for continuous ones. */
    double[] discretePositions(int i) {
        Parameter parameter = parameters.get(i);
        if (firstFeature[i] < 0 || isContinuous(i)) return new double[0];
        if (parameter instanceof CategoricalParameter c) {
            double[] positions = new double[c.choices().size()];
            for (int j = 0; j < positions.length; j++) positions[j] = (j + 0.5) / positions.length;
            return positions;
        }
        IntParameter integer = (IntParameter) parameter;
        double[] positions = new double[integer.high() - integer.low() + 1];
        for (int j = 0; j < positions.length; j++) positions[j] = integer.toUnit(integer.low() + j);
        return positions;
    }

    /** {@code u} with every integer and categorical coordinate moved to the centre of the value it maps to. */
    double[] snap(double[] u) {
        double[] snapped = u.clone();
        for (int i = 0; i < snapped.length; i++) {
            Parameter parameter = parameters.get(i);
            snapped[i] = clampUnit(snapped[i]);
            if (parameter instanceof IntParameter || parameter instanceof CategoricalParameter) {
                snapped[i] = parameter.toUnit(parameter.fromUnit(snapped[i]));
            }
        }
        return snapped;
    }

    private static double clampUnit(double unit) {
        return Math.min(1.0, Math.max(0.0, unit));
    }
}
