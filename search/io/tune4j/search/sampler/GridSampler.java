package io.tune4j.search.sampler;

import io.tune4j.search.space.CategoricalParameter;
import io.tune4j.search.space.FixedParameter;
import io.tune4j.search.space.FloatParameter;
import io.tune4j.search.space.IntParameter;
import io.tune4j.search.space.Parameter;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.TrialRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Every combination of the space's values, numeric ranges cut into {@code resolution} evenly spaced points
 * (geometrically spaced on a log scale). The grid is visited in a seeded shuffled order, as Optuna does, so
 * that a study stopped early has still seen the whole range; a point already finished or running is skipped.
 */
public final class GridSampler implements Sampler {
    /** Past this a grid is a mistake in the space (use random or a model-based sampler instead). */
    static final int MAX_POINTS = 1_000_000;

    private final int resolution;
    private final long seed;
    private SearchSpace gridSpace;
    private List<Map<String, Object>> grid;

    public GridSampler(int resolution, long seed) {
        if (resolution < 2) throw new IllegalArgumentException("grid resolution must be >= 2, got " + resolution);
        this.resolution = resolution;
        this.seed = seed;
    }

    /** The number of grid points of {@code space}. */
    public int size(SearchSpace space) {
        return pointsOf(space).size();
    }

    @Override
    public synchronized Map<String, Object> suggest(SamplingContext context) {
        Set<Map<String, Object>> taken = taken(context);
        for (Map<String, Object> point : pointsOf(context.space())) {
            if (!taken.contains(point)) return point;
        }
        throw new IllegalStateException("the grid of " + grid.size() + " points is exhausted");
    }

    @Override
    public synchronized boolean isExhausted(SamplingContext context) {
        return taken(context).containsAll(pointsOf(context.space()));
    }

    private static Set<Map<String, Object>> taken(SamplingContext context) {
        Set<Map<String, Object>> taken = new HashSet<>(context.pending());
        for (TrialRecord trial : context.finished()) taken.add(trial.params());
        return taken;
    }

    private List<Map<String, Object>> pointsOf(SearchSpace space) {
        if (space != gridSpace) {
            List<Map<String, Object>> points = new ArrayList<>();
            enumerate(space.parameters(), 0, new LinkedHashMap<>(), points);
            Collections.shuffle(points, new Random(seed));
            grid = List.copyOf(points);
            gridSpace = space;
        }
        return grid;
    }

    private void enumerate(List<Parameter> parameters, int index, Map<String, Object> partial,
                           List<Map<String, Object>> out) {
        if (index == parameters.size()) {
            out.add(Map.copyOf(partial));
            if (out.size() > MAX_POINTS) {
                throw new IllegalArgumentException("the grid has more than " + MAX_POINTS
                        + " points; lower the resolution or use another sampler");
            }
            return;
        }
        Parameter parameter = parameters.get(index);
        if (!SearchSpace.isActive(parameter, partial)) {
            enumerate(parameters, index + 1, partial, out);
            return;
        }
        for (Object value : valuesOf(parameter)) {
            partial.put(parameter.name(), value);
            enumerate(parameters, index + 1, partial, out);
            partial.remove(parameter.name());
        }
    }

    List<Object> valuesOf(Parameter parameter) {
        if (parameter instanceof CategoricalParameter categorical) return categorical.choices();
        if (parameter instanceof FixedParameter fixed) return List.of(fixed.value());
        if (parameter instanceof FloatParameter f) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < resolution; i++) values.add(spaced(f.low(), f.high(), f.log(), i));
            return values;
        }
        if (parameter instanceof IntParameter p) {
            Set<Object> values = new LinkedHashSet<>();
            for (int i = 0; i < resolution; i++) values.add((int) Math.round(spaced(p.low(), p.high(), p.log(), i)));
            return new ArrayList<>(values);
        }
        throw new IllegalArgumentException("grid search does not know parameter type " + parameter.getClass());
    }

    private double spaced(double low, double high, boolean log, int i) {
        // exp(log(x)) can miss the bounds by an ulp, which would put them outside the range.
        if (i == 0) return low;
        if (i == resolution - 1) return high;
        double fraction = (double) i / (resolution - 1);
        if (log) return Math.exp(Math.log(low) + fraction * (Math.log(high) - Math.log(low)));
        return low + fraction * (high - low);
    }

    @Override
    public String name() {
        return "grid";
    }

    @Override
    public long seed() {
        return seed;
    }
}
