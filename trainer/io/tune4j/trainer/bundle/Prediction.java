package io.tune4j.trainer.bundle;

import java.util.Map;

/**
 * What a model says about one row: the predicted {@code label} (a class name, or the regression value as text),
 * the regression {@code value} in the target's own units (NaN for classes), and each class's probability (empty for
 * regression).
 */
public record Prediction(String label, double value, Map<String, Double> probabilities) {}
