package io.tune4j.search.benchmark;

import io.tune4j.search.space.SearchSpace;
import java.util.Map;

/** Branin-Hoo on [-5, 10] x [0, 15]: three global minima of 0.397887, a standard 2-D test for BO. */
public final class Branin implements TestFunction {
    private static final SearchSpace SPACE = SearchSpace.builder().uniform("x1", -5, 10).uniform("x2", 0, 15).build();

    @Override
    public String name() {
        return "branin";
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public double value(Map<String, Object> params) {
        double x1 = ((Number) params.get("x1")).doubleValue();
        double x2 = ((Number) params.get("x2")).doubleValue();
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double a = x2 - b * x1 * x1 + c * x1 - 6;
        return a * a + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    @Override
    public double minimum() {
        return 0.39788735772973816;
    }
}
