package io.tune4j.trainer.training;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one epoch measured, under the metric names studies and early stopping refer to (see {@link TaskMetrics}). */
record EpochMetrics(int epoch, Map<String, Double> values) {

    EpochMetrics {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    double get(String metric) {
        Double value = values.get(metric);
        if (value == null) throw new IllegalArgumentException("unknown metric '" + metric + "'; this trial reports "
                + String.join(", ", values.keySet()));
        return value;
    }

    Map<String, Double> asMap() {
        return values;
    }
}
