package io.tune4j.trainer.data;

import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A dataset cut into training, validation and test parts, features encoded and standardized by a
 * {@link Preprocessing} fitted on the training part only (it travels with every model trained on them). Classification labels are one-hot over {@code classNames}; a regression target is one
 * column, standardized by {@code target} ({@code classNames} is then empty). {@code image} is the shape of each
 * row when the rows are images.
 */
public record DatasetSplits(String name, DataSet train, DataSet validation, DataSet test, List<String> classNames,
                            Optional<ImageShape> image, Task task, TargetScale target,
                            Optional<Preprocessing> preprocessing) {

    /** Parts made by hand (tests, benchmarks): no fitted preprocessing travels with their models. */
    public DatasetSplits(String name, DataSet train, DataSet validation, DataSet test, List<String> classNames,
                         Optional<ImageShape> image, Task task, TargetScale target) {
        this(name, train, validation, test, classNames, image, task, target, Optional.empty());
    }

    /** Classification of a table: rows of features that have no spatial layout. */
    public DatasetSplits(String name, DataSet train, DataSet validation, DataSet test, List<String> classNames) {
        this(name, train, validation, test, classNames, Optional.empty());
    }

    /** Classification (binary when there are two classes is not assumed: that is declared). */
    public DatasetSplits(String name, DataSet train, DataSet validation, DataSet test, List<String> classNames,
                         Optional<ImageShape> image) {
        this(name, train, validation, test, classNames, image, Task.CLASSIFICATION, TargetScale.NONE);
    }

    public int inputs() {
        return (int) train.getFeatures().size(1);
    }

    public int classes() {
        return classNames.size();
    }

    /** How many values the network outputs: one per class, or the one regression target. */
    public int outputs() {
        return task.classifies() ? classNames.size() : 1;
    }
}
