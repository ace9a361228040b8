package io.tune4j.trainer.training;

import io.tune4j.trainer.data.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The metrics a trial reports each epoch, by task: each one of the training part ({@code train_<m>}) and of the
 * validation part ({@code val_<m>}); the test part's are trial attributes {@code test_<m>}. These names are what
 * an objective, an early-stopping monitor and a pruner may use. Directions: ObjectiveSpec#naturalDirection.
 */
public final class TaskMetrics {
    public static final String TRAIN = "train_";
    public static final String VALIDATION = "val_";
    public static final String TEST = "test_";

    private static final List<String> CLASSIFICATION = List.of("loss", "accuracy", "f1", "precision", "recall", "auc");
    private static final List<String> REGRESSION = List.of("loss", "rmse", "mae", "r2");

    private TaskMetrics() {}

    /** The measures of one part, without prefix: {@code loss, accuracy, …} or {@code loss, rmse, mae, r2}. */
    public static List<String> measures(Task task) {
        return task.classifies() ? CLASSIFICATION : REGRESSION;
    }

    /** Every name reported each epoch for {@code task}: the training metrics, then the validation ones. */
    public static List<String> reported(Task task) {
        List<String> names = new ArrayList<>();
        for (String prefix : List.of(TRAIN, VALIDATION)) {
            for (String measure : measures(task)) names.add(prefix + measure);
        }
        return List.copyOf(names);
    }

    /** The objective of a study that names none: validation accuracy, or validation RMSE for regression. */
    public static String defaultObjective(Task task) {
        return VALIDATION + (task.classifies() ? "accuracy" : "rmse");
    }

    /** The test-part attribute of the measure {@code metric} names: {@code val_rmse} → {@code test_rmse}. */
    public static String testOf(String metric) {
        for (String prefix : List.of(TRAIN, VALIDATION)) {
            if (metric.startsWith(prefix)) return TEST + metric.substring(prefix.length());
        }
        return TEST + metric;
    }

    /** Every name any task reports. */
    public static List<String> all() {
        Set<String> names = new LinkedHashSet<>();
        for (Task task : Task.values()) names.addAll(reported(task));
        return List.copyOf(names);
    }
}
