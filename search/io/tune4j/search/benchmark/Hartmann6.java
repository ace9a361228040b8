package io.tune4j.search.benchmark;

import io.tune4j.search.space.SearchSpace;
import java.util.Map;

/** Hartmann 6-D on [0, 1]^6: six local minima, the global one -3.32237; a standard 6-D test for BO. */
public final class Hartmann6 implements TestFunction {
    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {
            {10, 3, 17, 3.5, 1.7, 8},
            {0.05, 10, 17, 0.1, 8, 14},
            {3, 3.5, 1.7, 10, 17, 8},
            {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {
            {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
            {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
            {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};
    private static final SearchSpace SPACE = unitCube();

    private static SearchSpace unitCube() {
        SearchSpace.Builder builder = SearchSpace.builder();
        for (int i = 1; i <= 6; i++) builder.uniform("x" + i, 0, 1);
        return builder.build();
    }

    @Override
    public String name() {
        return "hartmann6";
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public double value(Map<String, Object> params) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double exponent = 0;
            for (int j = 0; j < 6; j++) {
                double x = ((Number) params.get("x" + (j + 1))).doubleValue();
                exponent += A[i][j] * (x - P[i][j]) * (x - P[i][j]);
            }
            sum += ALPHA[i] * Math.exp(-exponent);
        }
        return -sum;
    }

    @Override
    public double minimum() {
        return -3.32236801141551;
    }
}
