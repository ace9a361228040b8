package io.tune4j.trainer.data;

import java.util.List;

/** Rows of numeric features with a class index each: a dataset before it is split and standardized. */
record LabeledTable(float[][] features, int[] labels, List<String> classNames) {

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
        return new LabeledTable(x, y, classNames);
    }
}
