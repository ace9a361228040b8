package io.tune4j.trainer.training;

import io.tune4j.trainer.data.DatasetSplits;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The anchor a tuned regression network is compared with on the same split: ridge regression (scikit-learn's
 * {@code Ridge()} default, alpha 1) fitted on the training and validation parts together, as a reference model
 * fitted on 80% of the rows would be, scored on the test part in the target's units. Features and target are the
 * study's own preprocessed ones (standardized on the training part), so the intercept is the target's mean.
 */
public final class RidgeAnchor {
    private static final double ALPHA = 1.0;

    private RidgeAnchor() {}

    /** Test RMSE in the target's units. */
    public static double testRmse(DatasetSplits data) {
        INDArray x = Nd4j.vstack(data.train().getFeatures(), data.validation().getFeatures());
        INDArray y = Nd4j.vstack(data.train().getLabels(), data.validation().getLabels());
        double intercept = y.meanNumber().doubleValue();
        RealMatrix features = MatrixUtils.createRealMatrix(x.toDoubleMatrix());
        RealMatrix target = MatrixUtils.createRealMatrix(y.toDoubleMatrix()).scalarAdd(-intercept);
        double[] means = new double[features.getColumnDimension()];
        for (int c = 0; c < means.length; c++) {
            for (double v : features.getColumn(c)) means[c] += v / features.getRowDimension();
            for (int r = 0; r < features.getRowDimension(); r++) features.addToEntry(r, c, -means[c]);
        }
        RealMatrix gram = features.transpose().multiply(features)
                .add(MatrixUtils.createRealIdentityMatrix(means.length).scalarMultiply(ALPHA));
        RealMatrix weights = new CholeskyDecomposition(gram).getSolver().solve(features.transpose().multiply(target));
        double[][] test = data.test().getFeatures().toDoubleMatrix();
        double[] actual = data.target().original(data.test().getLabels()).toDoubleVector();
        double squares = 0;
        for (int r = 0; r < test.length; r++) {
            double predicted = intercept;
            for (int c = 0; c < means.length; c++) predicted += (test[r][c] - means[c]) * weights.getEntry(c, 0);
            double error = data.target().deviation() * predicted + data.target().mean() - actual[r];
            squares += error * error;
        }
        return Math.sqrt(squares / test.length);
    }
}
