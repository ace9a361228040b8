package io.tune4j.trainer.data;

import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A dataset cut into training, validation and test parts, features standardized with statistics of the
 * training part only, labels one-hot. {@code image} is the shape of each row when the rows are images.
 */
public record DatasetSplits(String name, DataSet train, DataSet validation, DataSet test, List<String> classNames,
                            Optional<ImageShape> image) {

    /** A table: rows of features that have no spatial layout. */
    public DatasetSplits(String name, DataSet train, DataSet validation, DataSet test, List<String> classNames) {
        this(name, train, validation, test, classNames, Optional.empty());
    }

    public int inputs() {
        return (int) train.getFeatures().size(1);
    }

    public int classes() {
        return classNames.size();
    }
}
