package io.tune4j.trainer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.trainer.OfflineDl4j;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.data.ImageShape;
import io.tune4j.trainer.data.Task;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Real DL4J training on three Gaussian blobs: small enough to take a second, clear enough to learn. */
class Dl4jObjectiveTest {
    private static final DatasetSplits BLOBS = blobs(new Random(3));

    @TempDir
    Path models;

    @BeforeAll
    static void noDownloads() {
        OfflineDl4j.refuseDownloads();
    }

    @Test
    void trainsReportsEveryEpochAndReturnsTheBestEpochsValue() throws Exception {
        RecordingTrial trial = new RecordingTrial(0, 11, Map.of("learning_rate", 0.05, "units", 16));
        double value = new Dl4jObjective(BLOBS, new TrainingSpec(8, null), "val_accuracy", models).evaluate(trial);
        assertTrue(value >= 0.9, "separable blobs are learnt: " + value);
        assertEquals(8, trial.reports.size());
        for (Map<String, Double> epoch : trial.reports) assertEquals(TaskMetrics.reported(Task.CLASSIFICATION), List.copyOf(epoch.keySet()));
        int best = Integer.parseInt(trial.attributes.get("best_epoch"));
        assertEquals(trial.reports.get(best - 1).get("val_accuracy"), value);
        assertEquals("8", trial.attributes.get("epochs_trained"));
        assertTrue(Double.parseDouble(trial.attributes.get("test_accuracy")) >= 0.8);
    }

    @Test
    void earlyStoppingStopsAfterPatienceAndTheSavedModelHoldsTheBestEpoch() throws Exception {
        RecordingTrial trial = new RecordingTrial(4, 5, Map.of("learning_rate", 0.1, "units", 16));
        EarlyStopping rule = new EarlyStopping("val_accuracy", 2, 0.0);
        double value = new Dl4jObjective(BLOBS, new TrainingSpec(60, rule), "val_accuracy", models).evaluate(trial);
        int trained = Integer.parseInt(trial.attributes.get("epochs_trained"));
        int best = Integer.parseInt(trial.attributes.get("best_epoch"));
        assertTrue(trained < 60, "a plateau of accuracy stops training early");
        assertEquals("true", trial.attributes.get("stopped_early"));
        assertEquals(best + 2, trained, "patience 2: two epochs without improvement after the best");
        assertEquals(trial.reports.get(best - 1).get("val_accuracy"), value, "the value is the best epoch's");
        double reloaded = Accuracy.ofSavedModel(ModelRetention.modelFile(models, 4), BLOBS.validation());
        assertEquals(value, reloaded, 1e-9);
        assertEquals(best, ModelSerializer.restoreMultiLayerNetwork(ModelRetention.modelFile(models, 4).toFile(), true)
                .getEpochCount(), "the saved model continues training from its best epoch");
    }

    @Test
    void theLearningRateScheduleAdvancesEveryEpoch() throws Exception {
        // A decay factor of 0 leaves a rate of 0 from epoch 2 on: plain SGD then changes no weight at all.
        RecordingTrial trial = new RecordingTrial(3, 3, Map.of("optimizer", "sgd", "learning_rate", 0.1,
                "lr_schedule", "exponential", "lr_decay", 0.0, "units", 16));
        new Dl4jObjective(BLOBS, new TrainingSpec(3, null), "val_loss", models).evaluate(trial);
        assertTrue(trial.reports.get(0).get("val_loss") < Math.log(3), "epoch 1 learnt, at rate 0.1, to beat a "
                + "uniform guess: " + trial.reports.get(0));
        assertEquals(trial.reports.get(0).get("val_loss"), trial.reports.get(1).get("val_loss"));
        assertEquals(trial.reports.get(0).get("val_loss"), trial.reports.get(2).get("val_loss"));
    }

    @Test
    void aDivergingTrialFailsWithTheEpochInItsReason() {
        RecordingTrial trial = new RecordingTrial(1, 1, Map.of("optimizer", "sgd", "learning_rate", 1e9,
                "units", 64, "hidden_layers", 2));
        TrialDivergedException e = assertThrows(TrialDivergedException.class,
                () -> new Dl4jObjective(BLOBS, new TrainingSpec(30, null), "val_loss", models).evaluate(trial));
        assertTrue(e.getMessage().startsWith("diverged at epoch 1:"), e.getMessage());
        assertTrue(trial.reports.isEmpty(), "a diverged epoch reports nothing");
    }

    @Test
    void anUnknownMetricOrBatchSizeIsRefusedBeforeAnyTraining() {
        IllegalArgumentException metric = assertThrows(IllegalArgumentException.class,
                () -> new Dl4jObjective(BLOBS, new TrainingSpec(3, null), "val_acc", models));
        assertTrue(metric.getMessage().contains("'val_acc'") && metric.getMessage().contains("val_accuracy"),
                metric.getMessage());
        RecordingTrial trial = new RecordingTrial(2, 2, Map.of("batch_size", 0));
        IllegalArgumentException batchSize = assertThrows(IllegalArgumentException.class,
                () -> new Dl4jObjective(BLOBS, new TrainingSpec(3, null), "val_loss", models).evaluate(trial));
        assertTrue(batchSize.getMessage().contains("batch_size"), batchSize.getMessage());
        assertTrue(trial.reports.isEmpty());
    }

    @Test
    void theSameSeedTrainsTheSameNetwork() throws Exception {
        Map<String, Object> params = Map.of("learning_rate", 0.01, "dropout", 0.2, "hidden_layers", 2);
        Dl4jObjective objective = new Dl4jObjective(BLOBS, new TrainingSpec(4, null), "val_loss", models);
        RecordingTrial first = new RecordingTrial(0, 99, params);
        RecordingTrial second = new RecordingTrial(1, 99, params);
        assertEquals(objective.evaluate(first), objective.evaluate(second));
        assertEquals(first.reports, second.reports);
    }

    /**
     * Class 0 is lit on the left half, class 1 on the right. Always flipping the training images teaches the
     * mirrored rule, so validation and test accuracy near 0 prove they were not flipped too (flipped, they
     * would score near 1); without the flip the same trial learns them.
     */
    @Test
    void augmentationChangesTrainingBatchesOnlyNeverValidationOrTest() throws Exception {
        DatasetSplits halves = halves(new Random(8));
        DataSet validationBefore = halves.validation().copy();
        DataSet trainBefore = halves.train().copy();
        Dl4jObjective objective = new Dl4jObjective(halves, new TrainingSpec(5, null), "val_accuracy", models);
        Map<String, Object> params = new HashMap<>(Map.of("learning_rate", 0.05, "units", 8));
        assertTrue(objective.evaluate(new RecordingTrial(0, 3, params)) > 0.95);

        params.put("augment_flip", 1.0);
        RecordingTrial flipped = new RecordingTrial(1, 3, params);
        assertTrue(objective.evaluate(flipped) < 0.05, "the best epoch's val_accuracy: " + flipped.reports);
        assertTrue(Double.parseDouble(flipped.attributes.get("test_accuracy")) < 0.05);
        assertEquals(validationBefore, halves.validation());
        assertEquals(trainBefore, halves.train(), "batches are augmented copies");
    }

    @Test
    void theSameSeedAugmentsTheSameWay() throws Exception {
        Map<String, Object> params = Map.of("augment_flip", 0.5, "augment_shift", 0.25, "augment_rotation", 20.0);
        Dl4jObjective objective =
                new Dl4jObjective(halves(new Random(9)), new TrainingSpec(3, null), "val_loss", models);
        RecordingTrial first = new RecordingTrial(0, 7, params);
        RecordingTrial second = new RecordingTrial(1, 7, params);
        objective.evaluate(first);
        objective.evaluate(second);
        assertEquals(first.reports, second.reports);
        RecordingTrial plain = new RecordingTrial(2, 7, Map.of());
        objective.evaluate(plain);
        assertNotEquals(first.reports, plain.reports, "the augmentation reached the training batches");
    }

    private static DatasetSplits halves(Random random) {
        return new DatasetSplits("halves", halves(random, 60), halves(random, 20), halves(random, 20),
                List.of("left", "right"), Optional.of(new ImageShape(4, 4, 1)));
    }

    private static DataSet halves(Random random, int rows) {
        float[][] x = new float[rows][16];
        float[][] y = new float[rows][2];
        for (int r = 0; r < rows; r++) {
            int label = r % 2;
            for (int p = 0; p < 16; p++) {
                boolean lit = (p % 4 < 2) == (label == 0);
                x[r][p] = (float) ((lit ? 1 : -1) + random.nextGaussian() * 0.3);
            }
            y[r][label] = 1;
        }
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }

    private static DatasetSplits blobs(Random random) {
        return new DatasetSplits("blobs", blob(random, 90), blob(random, 30), blob(random, 30),
                List.of("a", "b", "c"));
    }

    private static DataSet blob(Random random, int rows) {
        float[][] x = new float[rows][4];
        float[][] y = new float[rows][3];
        for (int r = 0; r < rows; r++) {
            int label = r % 3;
            for (int c = 0; c < 4; c++) x[r][c] = (float) (random.nextGaussian() * 0.5 + (c == label ? 2 : 0));
            y[r][label] = 1;
        }
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }
}
