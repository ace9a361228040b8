package io.tune4j.trainer.data;

import java.util.List;
import java.util.Optional;

/**
 * Rows of features with a label each: a dataset before it is split and encoded. Numeric cells are in
 * {@code features} ({@code NaN} where a cell is missing and its column fills it), text cells of categorical columns
 * in {@code text} ({@code null} where missing); {@code columns} names both, in the file's order, and is empty for
 * unnamed numeric rows (built-in sets, images). A classification label is a class index in {@code labels}; a
 * regression target a number in {@code targets} (and {@code labels} is null); {@code labelName} is the label
 * column's name. {@code image} is the shape of every
 * row when the rows are images (flat, channel by channel).
 */
record LabeledTable(float[][] features, String[][] text, List<FeatureColumn> columns, String labelName, int[] labels,
                    double[] targets, List<String> classNames, Optional<ImageShape> image) {

    /** Unnamed numeric rows with class labels: a built-in set or images. */
    LabeledTable(float[][] features, int[] labels, List<String> classNames, Optional<ImageShape> image) {
        this(features, new String[features.length][0], List.of(), "label", labels, null, classNames, image);
    }

    /** A table: rows of features with no spatial layout. */
    LabeledTable(float[][] features, int[] labels, List<String> classNames) {
        this(features, labels, classNames, Optional.empty());
    }

    int rows() {
        return features.length;
    }

    boolean regression() {
        return targets != null;
    }

    LabeledTable select(int[] rows) {
        float[][] x = new float[rows.length][];
        String[][] words = new String[rows.length][];
        int[] y = labels == null ? null : new int[rows.length];
        double[] t = targets == null ? null : new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = features[rows[i]];
            words[i] = text[rows[i]];
            if (y != null) y[i] = labels[rows[i]];
            if (t != null) t[i] = targets[rows[i]];
        }
        return new LabeledTable(x, words, columns, labelName, y, t, classNames, image);
    }
}
