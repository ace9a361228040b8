package io.tune4j.trainer.data;

/**
 * Mean and standard deviation of the training part, applied to every part, so no statistic of the validation
 * or test rows leaks into training. Tables are standardized column by column; constant columns map to 0.
 * Images are standardized channel by channel, with one mean and one deviation over all the pixels of a
 * channel: per-pixel statistics would give every position its own scale, which a convolution's shared kernel
 * cannot undo, and they blow up the near-constant border pixels (a pixel that is ink in 3 of 1,000 training
 * digits gets a deviation near 0, so one stroke there in a test image becomes a value of 20 or more).
 */
final class Standardizer {
    private final double[] mean;
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Per channel when {@code train} holds images, per column otherwise. */
    static Standardizer fit(LabeledTable train) {
        int columns = train.features()[0].length;
        int groupSize = train.image().map(shape -> shape.height() * shape.width()).orElse(1);
        int groups = columns / groupSize;
        double[] mean = new double[groups];
        double[] squares = new double[groups];
        for (float[] row : train.features()) {
            for (int c = 0; c < columns; c++) mean[c / groupSize] += row[c];
        }
        double count = (double) train.rows() * groupSize;
        for (int g = 0; g < groups; g++) mean[g] /= count;
        for (float[] row : train.features()) {
            for (int c = 0; c < columns; c++) {
                double centred = row[c] - mean[c / groupSize];
                squares[c / groupSize] += centred * centred;
            }
        }
        double[] columnMean = new double[columns];
        double[] columnScale = new double[columns];
        for (int c = 0; c < columns; c++) {
            double std = Math.sqrt(squares[c / groupSize] / count);
            columnMean[c] = mean[c / groupSize];
            columnScale[c] = std < 1e-8 ? 1.0 : std;
        }
        return new Standardizer(columnMean, columnScale);
    }

    LabeledTable apply(LabeledTable table) {
        float[][] out = new float[table.rows()][];
        for (int r = 0; r < table.rows(); r++) {
            float[] row = table.features()[r];
            out[r] = new float[row.length];
            for (int c = 0; c < row.length; c++) out[r][c] = (float) ((row[c] - mean[c]) / scale[c]);
        }
        return table.withFeatures(out);
    }
}
