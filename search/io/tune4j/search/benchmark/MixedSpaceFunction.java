package io.tune4j.search.benchmark;

import io.tune4j.search.space.SearchSpace;
import java.util.Map;

/**
 * A synthetic function over a space shaped like a network's: a log-scale learning rate, a log-scale integer
 * width, an integer depth and an optimizer choice whose sub-parameters exist only under it. It checks what the
 * continuous test functions cannot: integers, categoricals and conditional parameters. Minimum 0 with adam,
 * beta1 0.95, learning rate 10^-2.5, 128 units and 2 layers.
 */
public final class MixedSpaceFunction implements TestFunction {
    private static final SearchSpace SPACE = SearchSpace.builder()
            .logUniform("learning_rate", 1e-5, 1)
            .integerLog("units", 8, 512)
            .integer("layers", 1, 4)
            .choice("optimizer", "sgd", "adam", "rmsprop")
            .when("optimizer", "sgd", sgd -> sgd.uniform("momentum", 0, 0.99))
            .when("optimizer", "adam", adam -> adam.uniform("beta1", 0.8, 0.999))
            .build();

    @Override
    public String name() {
        return "mixed";
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public double value(Map<String, Object> params) {
        double logRate = Math.log10(((Number) params.get("learning_rate")).doubleValue());
        double logUnits = Math.log(((Number) params.get("units")).doubleValue()) / Math.log(2);
        int layers = ((Number) params.get("layers")).intValue();
        double loss = (logRate + 2.5) * (logRate + 2.5) + 0.3 * (logUnits - 7) * (logUnits - 7)
                + 0.2 * Math.abs(layers - 2);
        return loss + switch ((String) params.get("optimizer")) {
            case "sgd" -> 0.5 + 4 * square(((Number) params.get("momentum")).doubleValue() - 0.9);
            case "adam" -> 100 * square(((Number) params.get("beta1")).doubleValue() - 0.95);
            default -> 1.0;
        };
    }

    private static double square(double x) {
        return x * x;
    }

    @Override
    public double minimum() {
        return 0;
    }
}
