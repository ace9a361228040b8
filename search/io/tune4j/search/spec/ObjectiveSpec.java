package io.tune4j.search.spec;

import io.tune4j.search.study.Direction;
import java.util.Objects;

/** The {@code objective:} section: which reported metric a study optimizes, and in which direction. */
public record ObjectiveSpec(String metric, Direction direction) {
    public ObjectiveSpec {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
    }

    /**
     * Losses and errors ({@code loss}, {@code rmse}, {@code mae}, anything ending in {@code error}) are minimized;
     * anything else (accuracy, F1, precision, recall, AUC, R²) is maximized. The one place a metric's direction is
     * decided: the objective, early stopping and the best-epoch choice all ask here.
     */
    public static Direction naturalDirection(String metric) {
        return metric.endsWith("loss") || metric.endsWith("error") || metric.endsWith("rmse") || metric.endsWith("mae")
                ? Direction.MINIMIZE : Direction.MAXIMIZE;
    }
}
