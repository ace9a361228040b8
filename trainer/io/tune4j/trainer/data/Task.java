package io.tune4j.trainer.data;

import java.util.List;
import java.util.Locale;

/**
 * What a study predicts, declared as {@code task:} in a space file: it decides the output layer, the loss and the
 * metrics. {@code binary} is classification of two classes whose second class (in label order) is the positive
 * one, so precision, recall, F1 and AUC are those of that class, as scikit-learn's defaults.
 */
public enum Task {
    CLASSIFICATION, BINARY, REGRESSION;

    public static final List<String> NAMES = List.of("classification", "binary", "regression");

    public static Task named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean classifies() {
        return this != REGRESSION;
    }
}
