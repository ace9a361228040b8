package io.tune4j.trainer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.data.TargetScale;
import io.tune4j.trainer.data.Task;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The anchors of {@code bench tables} are the models they claim to be: checked on problems with known answers. */
class AnchorsTest {
    @Test
    void ridgeRecoversALinearTargetToItsNoiseInTheTargetsUnits() {
        Random random = new Random(1);
        TargetScale scale = new TargetScale(100, 20);
        // y = 100 + 20 * (2 x1 - x2) / sqrt(5) + noise of 0.5 (in the target's units), features standardized.
        DatasetSplits data = new DatasetSplits("linear", linear(random, 400, scale), linear(random, 100, scale),
                linear(random, 200, scale), List.of(), Optional.empty(), Task.REGRESSION, scale);
        double rmse = RidgeAnchor.testRmse(data);
        assertEquals(0.5, rmse, 0.08, "the noise's deviation, not a standardized figure");
    }

    @Test
    void logisticRegressionSeparatesTwoWellApartBlobs() {
        Random random = new Random(2);
        DatasetSplits data = new DatasetSplits("blobs", blobs(random, 200), blobs(random, 50), blobs(random, 100),
                List.of("a", "b"));
        assertTrue(LogisticAnchor.testMetrics(data, 3).get("accuracy") > 0.97);
    }

    private static DataSet linear(Random random, int rows, TargetScale scale) {
        float[][] x = new float[rows][2];
        float[][] y = new float[rows][1];
        for (int r = 0; r < rows; r++) {
            x[r][0] = (float) random.nextGaussian();
            x[r][1] = (float) random.nextGaussian();
            double original = 100 + 20 * (2 * x[r][0] - x[r][1]) / Math.sqrt(5) + 0.5 * random.nextGaussian();
            y[r][0] = (float) scale.standardized(original);
        }
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }

    private static DataSet blobs(Random random, int rows) {
        float[][] x = new float[rows][2];
        float[][] y = new float[rows][2];
        for (int r = 0; r < rows; r++) {
            int label = r % 2;
            x[r][0] = (float) (random.nextGaussian() * 0.5 + (label == 0 ? -2 : 2));
            x[r][1] = (float) random.nextGaussian();
            y[r][label] = 1;
        }
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }
}
