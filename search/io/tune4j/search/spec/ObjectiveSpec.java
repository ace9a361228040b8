package io.tune4j.search.spec;

import io.tune4j.search.study.Direction;
import java.util.Objects;

/** The {@code objective:} section: which reported metric a study optimizes, and in which direction. */
public record ObjectiveSpec(String metric, Direction direction) {
    public ObjectiveSpec {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
    }

    /** Losses and errors are minimized; anything else (accuracy, F1, AUC) is maximized. */
    public static Direction naturalDirection(String metric) {
        return metric.endsWith("loss") || metric.endsWith("error") ? Direction.MINIMIZE : Direction.MAXIMIZE;
    }
}
