package io.tune4j.trainer.data;

/**
 * Per-column mean and standard deviation of the training part, applied to every part, so no statistic of
 * the validation or test rows leaks into training. Constant columns (digits' blank border pixels) map to 0.
 */
final class Standardizer {
    private final double[] mean;
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    static Standardizer fit(LabeledTable train) {
        int columns = train.features()[0].length;
        double[] mean = new double[columns];
        double[] squares = new double[columns];
        for (float[] row : train.features()) {
            for (int c = 0; c < columns; c++) mean[c] += row[c];
        }
        for (int c = 0; c < columns; c++) mean[c] /= train.rows();
        for (float[] row : train.features()) {
            for (int c = 0; c < columns; c++) squares[c] += (row[c] - mean[c]) * (row[c] - mean[c]);
        }
        double[] scale = new double[columns];
        for (int c = 0; c < columns; c++) {
            double std = Math.sqrt(squares[c] / train.rows());
            scale[c] = std < 1e-8 ? 1.0 : std;
        }
        return new Standardizer(mean, scale);
    }

    LabeledTable apply(LabeledTable table) {
        float[][] out = new float[table.rows()][];
        for (int r = 0; r < table.rows(); r++) {
            float[] row = table.features()[r];
            out[r] = new float[row.length];
            for (int c = 0; c < row.length; c++) out[r][c] = (float) ((row[c] - mean[c]) / scale[c]);
        }
        return new LabeledTable(out, table.labels(), table.classNames());
    }
}
