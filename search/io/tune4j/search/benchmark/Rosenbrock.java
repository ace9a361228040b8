package io.tune4j.search.benchmark;

import io.tune4j.search.space.SearchSpace;
import java.util.Map;

/** Rosenbrock's valley in n dimensions on [-2.048, 2.048]^n: minimum 0 at (1, ..., 1), at the end of a narrow curved valley. */
public final class Rosenbrock implements TestFunction {
    private final int dimensions;
    private final SearchSpace space;

    public Rosenbrock(int dimensions) {
        if (dimensions < 2) throw new IllegalArgumentException("Rosenbrock needs 2 or more dimensions");
        this.dimensions = dimensions;
        SearchSpace.Builder builder = SearchSpace.builder();
        for (int i = 1; i <= dimensions; i++) builder.uniform("x" + i, -2.048, 2.048);
        this.space = builder.build();
    }

    @Override
    public String name() {
        return "rosenbrock" + dimensions;
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    @Override
    public double value(Map<String, Object> params) {
        double sum = 0;
        for (int i = 1; i < dimensions; i++) {
            double x = ((Number) params.get("x" + i)).doubleValue();
            double next = ((Number) params.get("x" + (i + 1))).doubleValue();
            sum += 100 * (next - x * x) * (next - x * x) + (1 - x) * (1 - x);
        }
        return sum;
    }

    @Override
    public double minimum() {
        return 0;
    }
}
