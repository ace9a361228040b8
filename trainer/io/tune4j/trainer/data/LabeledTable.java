package io.tune4j.trainer.data;

import java.util.List;
import java.util.Optional;

/**
 * Rows of numeric features with a class index each: a dataset before it is split and standardized.
 * {@code image} is the shape of every row when the rows are images (flat, channel by channel).
 */
record LabeledTable(float[][] features, int[] labels, List<String> classNames, Optional<ImageShape> image) {

    /** A table: rows of features with no spatial layout. */
    LabeledTable(float[][] features, int[] labels, List<String> classNames) {
        this(features, labels, classNames, Optional.empty());
    }

    int rows() {
        return labels.length;
    }

    LabeledTable select(int[] rows) {
        float[][] x = new float[rows.length][];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = features[rows[i]];
            y[i] = labels[rows[i]];
        }
        return new LabeledTable(x, y, classNames, image);
    }

    LabeledTable withFeatures(float[][] newFeatures) {
        return new LabeledTable(newFeatures, labels, classNames, image);
    }
}
