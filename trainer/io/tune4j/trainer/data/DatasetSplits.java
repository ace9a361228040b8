package io.tune4j.trainer.data;

import java.util.List;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A dataset cut into training, validation and test parts, features standardized with statistics of the
 * training part only, labels one-hot.
 */
public record DatasetSplits(String name, DataSet train, DataSet validation, DataSet test, List<String> classNames) {

    public int inputs() {
        return (int) train.getFeatures().size(1);
    }

    public int classes() {
        return classNames.size();
    }
}
