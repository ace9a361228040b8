package io.tune4j.trainer.training;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one epoch measured, under the metric names studies and early stopping refer to. */
record EpochMetrics(int epoch, double trainLoss, double valLoss, double valAccuracy) {

    double get(String metric) {
        return switch (metric) {
            case "train_loss" -> trainLoss;
            case "val_loss" -> valLoss;
            case "val_accuracy" -> valAccuracy;
            default -> throw new IllegalArgumentException("unknown metric '" + metric + "'");
        };
    }

    Map<String, Double> asMap() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_loss", trainLoss);
        metrics.put("val_loss", valLoss);
        metrics.put("val_accuracy", valAccuracy);
        return metrics;
    }
}
