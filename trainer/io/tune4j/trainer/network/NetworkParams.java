package io.tune4j.trainer.network;

import java.util.Map;

/**
 * A trial's params read through the {@link Hyperparameter} vocabulary: a declared value is checked, an
 * undeclared one takes its default. The one place a network's settings are looked up by name.
 */
final class NetworkParams {
    private final Map<String, Object> params;

    NetworkParams(Map<String, Object> params) {
        this.params = params;
    }

    Object value(Hyperparameter hyperparameter) {
        Object value = params.getOrDefault(hyperparameter.key(), hyperparameter.defaultValue());
        if (value == null) {
            throw new IllegalArgumentException("param '" + hyperparameter.key() + "' has no value and no default");
        }
        hyperparameter.problemWith(value).ifPresent(problem -> {
            throw new IllegalArgumentException("param '" + hyperparameter.key() + "' = " + value + ": " + problem);
        });
        return value;
    }

    double number(Hyperparameter hyperparameter) {
        return ((Number) value(hyperparameter)).doubleValue();
    }

    int integer(Hyperparameter hyperparameter) {
        return ((Number) value(hyperparameter)).intValue();
    }

    String text(Hyperparameter hyperparameter) {
        return String.valueOf(value(hyperparameter));
    }
}
