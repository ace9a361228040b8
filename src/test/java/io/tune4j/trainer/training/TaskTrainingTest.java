package io.tune4j.trainer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.trainer.OfflineDl4j;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.data.TargetScale;
import io.tune4j.trainer.data.Task;
import io.tune4j.trainer.network.BuiltNetwork;
import io.tune4j.trainer.network.DenseShorthand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * What a trial measures, by task, against figures worked out by hand from the network's own outputs: regression
 * errors in the target's units, binary and macro classification metrics, the data-only loss, class weights, the
 * time limit and k-fold means. Real DL4J training on tiny synthetic data.
 */
class TaskTrainingTest {
    @TempDir
    Path models;

    @BeforeAll
    static void noDownloads() {
        OfflineDl4j.refuseDownloads();
    }

    /** y = 10 + 4 x0 - 3 x1 + noise, standardized for training; every error is reported in y's own units. */
    @Test
    void aRegressionTrialReportsErrorsInTheTargetsUnits() throws Exception {
        DatasetSplits line = line(new Random(5));
        RecordingTrial trial = new RecordingTrial(0, 3, Map.of("learning_rate", 0.02, "units", 16));
        double value = new Dl4jObjective(line, new TrainingSpec(15, null), "val_rmse", models).evaluate(trial);

        assertEquals(TaskMetrics.reported(Task.REGRESSION), List.copyOf(trial.reports.get(0).keySet()));
        int best = Integer.parseInt(trial.attributes.get("best_epoch"));
        Map<String, Double> reported = trial.reports.get(best - 1);
        assertEquals(reported.get("val_rmse"), value);
        MultiLayerNetwork saved = MultiLayerNetwork.load(ModelRetention.modelFile(models, 0).toFile(), false);
        double[] errors = errors(saved, line.validation(), line.target());
        assertEquals(Math.sqrt(mean(errors, e -> e * e)), reported.get("val_rmse"), 1e-4);
        assertEquals(mean(errors, Math::abs), reported.get("val_mae"), 1e-4);
        double[] truth = line.target().original(line.validation().getLabels()).toDoubleVector();
        double truthMean = mean(truth, t -> t);
        double r2 = 1 - mean(errors, e -> e * e) / mean(truth, t -> (t - truthMean) * (t - truthMean));
        assertEquals(r2, reported.get("val_r2"), 1e-4);
        assertTrue(r2 > 0.9, "a line is learnt: R2 " + r2);
        double[] testErrors = errors(saved, line.test(), line.target());
        assertEquals(Math.sqrt(mean(testErrors, e -> e * e)), Double.parseDouble(trial.attributes.get("test_rmse")), 1e-4);
    }

    /** The same weights under L1/L2 penalties or none: the loss recorded is the data's alone. */
    @Test
    void theLossIsTheDataLossWithoutTheRegularizationPenalty() {
        DatasetSplits blobs = blobs(new Random(4), List.of(30, 30, 30));
        MultiLayerNetwork plain = network(Map.of("units", 8), 3);
        MultiLayerNetwork penalized = network(Map.of("units", 8, "l1", 0.1, "l2", 0.5), 3);
        penalized.setParams(plain.params());
        DataSet validation = blobs.validation();
        assertNotEquals(plain.score(validation, false), penalized.score(validation, false), "DL4J's score adds the penalty");
        assertEquals(metrics(plain, validation, Task.CLASSIFICATION).get("loss"),
                metrics(penalized, validation, Task.CLASSIFICATION).get("loss"));
        assertEquals(plain.score(validation, false), metrics(plain, validation, Task.CLASSIFICATION).get("loss"), 1e-6,
                "without a penalty both are the mean cross-entropy");
    }

    @Test
    void binaryMetricsAreThePositiveClasssAndTheAucIsTheRankStatistic() {
        DatasetSplits blobs = blobs(new Random(6), List.of(60, 30));
        MultiLayerNetwork network = network(Map.of("units", 4), 2);
        network.fit(blobs.train());
        INDArray output = network.output(blobs.validation().getFeatures());
        int[] truth = argmax(blobs.validation().getLabels());
        int[] predicted = argmax(output);
        Map<String, Double> metrics = metrics(network, blobs.validation(), Task.BINARY);
        double[] counts = counts(truth, predicted, 1);
        assertEquals(counts[0] / (counts[0] + counts[1]), metrics.get("precision"), 1e-9);
        assertEquals(counts[0] / (counts[0] + counts[2]), metrics.get("recall"), 1e-9);
        assertEquals(2 * counts[0] / (2 * counts[0] + counts[1] + counts[2]), metrics.get("f1"), 1e-9);
        assertEquals(auc(output, truth, 1), metrics.get("auc"), 1e-6);
    }

    /** Macro averages count a class that is never predicted as 0, as scikit-learn does; AUC is one-vs-rest. */
    @Test
    void multiClassMetricsAreMacroAveragesOverEveryClass() {
        DatasetSplits blobs = blobs(new Random(7), List.of(40, 40, 4));
        MultiLayerNetwork network = network(Map.of("units", 4), 3);
        INDArray output = network.output(blobs.validation().getFeatures());
        int[] truth = argmax(blobs.validation().getLabels());
        int[] predicted = argmax(output);
        double f1 = 0;
        double precision = 0;
        double recall = 0;
        double auc = 0;
        for (int c = 0; c < 3; c++) {
            double[] n = counts(truth, predicted, c);
            precision += n[0] + n[1] == 0 ? 0 : n[0] / (n[0] + n[1]);
            recall += n[0] / (n[0] + n[2]);
            f1 += n[0] == 0 ? 0 : 2 * n[0] / (2 * n[0] + n[1] + n[2]);
            auc += auc(output, truth, c);
        }
        Map<String, Double> metrics = metrics(network, blobs.validation(), Task.CLASSIFICATION);
        assertEquals(precision / 3, metrics.get("precision"), 1e-9);
        assertEquals(recall / 3, metrics.get("recall"), 1e-9);
        assertEquals(f1 / 3, metrics.get("f1"), 1e-9);
        assertEquals(auc / 3, metrics.get("auc"), 1e-6);
    }

    /** Beyond the limit, train_ metrics are measured on a fixed sample: the same rows every time, each row at most once. */
    @Test
    void trainMetricsOfALargePartUseAFixedSample() {
        DataSet rows = blob(new Random(11), 30, 3);
        for (int r = 0; r < 30; r++) rows.getFeatures().putScalar(r, 0, r);
        DataSet sample = FoldRun.sample(rows, 10, 5);
        assertEquals(10, sample.numExamples());
        assertEquals(sample.getFeatures(), FoldRun.sample(rows, 10, 5).getFeatures());
        double[] ids = sample.getFeatures().getColumn(0).toDoubleVector();
        assertEquals(10, java.util.Arrays.stream(ids).distinct().count());
        for (int i = 0; i < 10; i++) {
            assertEquals(rows.getLabels().getRow((int) ids[i]), sample.getLabels().getRow(i), "labels stay with their rows");
        }
        assertEquals(rows, FoldRun.sample(rows, 30, 5), "a part within the limit is measured whole");
    }

    /** Scores 0.9 (positive), 0.9 and 0.1 (negatives): one tied pair (half) and one won pair, so 0.75. */
    @Test
    void aucCountsATieAsHalfAPair() {
        assertEquals(0.75, RankAuc.of(new double[] {0.9, 0.9, 0.1}, new boolean[] {true, false, false}));
        assertEquals(1.0, RankAuc.of(new double[] {0.2, 0.8, 0.1}, new boolean[] {false, true, false}));
        assertTrue(Double.isNaN(RankAuc.of(new double[] {0.2, 0.8}, new boolean[] {false, false})));
    }

    /** Balanced weights are n / (k count_c) over the training part; the weighted loss is -w_c log p_c per example. */
    @Test
    void classWeightsWeighTheLoss() {
        DatasetSplits blobs = blobs(new Random(8), List.of(60, 30, 10));
        double[] weights = ClassWeights.balanced("").forClasses(blobs.classNames(), blobs.train().getLabels());
        assertEquals(List.of(100 / 180.0, 100 / 90.0, 100 / 30.0), List.of(weights[0], weights[1], weights[2]));
        assertEquals(List.of(1.0, 4.0, 1.0), listOf(new ClassWeights(false, Map.of("b", 4.0), "")
                .forClasses(blobs.classNames(), blobs.train().getLabels())));

        BuiltNetwork built = BuiltNetwork.of(DenseShorthand.configuration(Map.of("units", 8), 4, 3, 2));
        MultiLayerNetwork plain = (MultiLayerNetwork) built.create();
        MultiLayerNetwork weighted = (MultiLayerNetwork) built.withOutputLoss(l -> ClassWeights.weigh(l, weights)).create();
        weighted.setParams(plain.params());
        DataSet validation = blobs.validation();
        INDArray p = plain.output(validation.getFeatures());
        int[] truth = argmax(validation.getLabels());
        double expected = 0;
        for (int r = 0; r < truth.length; r++) expected -= weights[truth[r]] * Math.log(p.getDouble(r, truth[r]));
        double weightedLoss = metrics(weighted, validation, Task.CLASSIFICATION).get("loss");
        assertEquals(expected / truth.length, weightedLoss, 1e-5);
        assertNotEquals(metrics(plain, validation, Task.CLASSIFICATION).get("loss"), weightedLoss, 1e-3);

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> new Dl4jObjective(blobs,
                new TrainingSpec(2, null, Optional.of(new ClassWeights(false, Map.of("z", 2.0), "s.yaml:7: "
                        + "training.class_weights")), null), "val_f1", models));
        assertEquals("s.yaml:7: training.class_weights: unknown label 'z'; the labels are a, b, c", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassWeights.weigh(new LossMSE(), weights),
                "a network whose loss takes no class weights is refused, not trained unweighted");
    }

    @Test
    void aTrialOverItsTimeLimitStopsAndCompletesWithWhatItHas() throws Exception {
        DatasetSplits blobs = blobs(new Random(9), List.of(30, 30, 30));
        RecordingTrial cut = new RecordingTrial(0, 1, Map.of("units", 8));
        double value = new Dl4jObjective(blobs, new TrainingSpec(50, null, Optional.empty(), Duration.ofNanos(1)),
                "val_accuracy", models).evaluate(cut);
        assertEquals("true", cut.attributes.get("cut_by_time"));
        assertEquals(1, cut.reports.size(), "the first epoch, cut short, is all this trial has");
        assertEquals(cut.reports.get(0).get("val_accuracy"), value);
        assertTrue(ModelRetention.modelFile(models, 0).toFile().isFile(), "its model is kept like any other");

        RecordingTrial inTime = new RecordingTrial(1, 1, Map.of("units", 8));
        new Dl4jObjective(blobs, new TrainingSpec(3, null, Optional.empty(), Duration.ofHours(1)), "val_accuracy",
                models).evaluate(inTime);
        assertEquals("false", inTime.attributes.get("cut_by_time"));
        assertEquals(3, inTime.reports.size());
    }

    /**
     * Three folds trained in lockstep report, epoch by epoch, the mean of what each fold reports trained alone with
     * the same seed; the value is the mean at the best epoch, value_std the folds' deviation there, and the model
     * kept is the first fold's at that epoch.
     */
    @Test
    void kFoldReportsFoldMeansAndKeepsTheFirstFoldsModel() throws Exception {
        Random random = new Random(10);
        List<DataSet> parts = new ArrayList<>();
        for (int i = 0; i < 4; i++) parts.add(blob(random, 24, 3));
        List<DatasetSplits> folds = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            List<DataSet> train = new ArrayList<>(parts.subList(0, 3));
            DataSet validation = train.remove(k);
            folds.add(new DatasetSplits("fold" + k, DataSet.merge(train), validation, parts.get(3), List.of("a", "b", "c")));
        }
        Map<String, Object> params = Map.of("learning_rate", 0.05, "units", 8);
        List<List<Map<String, Double>>> alone = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            RecordingTrial single = new RecordingTrial(10 + k, 21, params);
            new Dl4jObjective(folds.get(k), new TrainingSpec(4, null), "val_loss", models).evaluate(single);
            alone.add(single.reports);
        }
        RecordingTrial trial = new RecordingTrial(0, 21, params);
        double value = new Dl4jObjective(folds, new DenseShorthand(), new TrainingSpec(4, null), "val_loss", models)
                .evaluate(trial);

        for (int epoch = 0; epoch < 4; epoch++) {
            for (String metric : TaskMetrics.reported(Task.CLASSIFICATION)) {
                double sum = 0;
                for (List<Map<String, Double>> fold : alone) sum += fold.get(epoch).get(metric);
                assertEquals(sum / 3, trial.reports.get(epoch).get(metric), 1e-9, metric + " at epoch " + (epoch + 1));
            }
        }
        int best = Integer.parseInt(trial.attributes.get("best_epoch"));
        assertEquals(trial.reports.get(best - 1).get("val_loss"), value);
        double[] atBest = alone.stream().mapToDouble(fold -> fold.get(best - 1).get("val_loss")).toArray();
        double mean = mean(atBest, v -> v);
        assertEquals(Math.sqrt(mean(atBest, v -> (v - mean) * (v - mean))),
                Double.parseDouble(trial.attributes.get("value_std")), 1e-9);
        assertEquals("3", trial.attributes.get("folds"));
        MultiLayerNetwork kept = MultiLayerNetwork.load(ModelRetention.modelFile(models, 0).toFile(), false);
        assertEquals(alone.get(0).get(best - 1).get("val_loss"),
                metrics(kept, folds.get(0).validation(), Task.CLASSIFICATION).get("loss"), 1e-6);
    }

    private static Map<String, Double> metrics(MultiLayerNetwork network, DataSet part, Task task) {
        return PartMetrics.of(TrainableNetwork.of(network), part, task, TargetScale.NONE);
    }

    private static MultiLayerNetwork network(Map<String, Object> params, int classes) {
        MultiLayerNetwork network = new MultiLayerNetwork(DenseShorthand.configuration(params, 4, classes, 1));
        network.init();
        return network;
    }

    private static double[] errors(MultiLayerNetwork network, DataSet part, TargetScale target) {
        INDArray predicted = target.original(network.output(part.getFeatures()));
        return predicted.sub(target.original(part.getLabels())).toDoubleVector();
    }

    private static double mean(double[] values, java.util.function.DoubleUnaryOperator f) {
        double sum = 0;
        for (double v : values) sum += f.applyAsDouble(v);
        return sum / values.length;
    }

    private static List<Double> listOf(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private static int[] argmax(INDArray rows) {
        int[] classes = new int[(int) rows.size(0)];
        for (int r = 0; r < classes.length; r++) classes[r] = rows.getRow(r).argMax().getInt(0);
        return classes;
    }

    /** True positives, false positives and false negatives of class {@code c}. */
    private static double[] counts(int[] truth, int[] predicted, int c) {
        double[] n = new double[3];
        for (int r = 0; r < truth.length; r++) {
            if (predicted[r] == c && truth[r] == c) n[0]++;
            else if (predicted[r] == c) n[1]++;
            else if (truth[r] == c) n[2]++;
        }
        return n;
    }

    /** The probability that a row of class c scores higher for c than a row of another class (ties count half). */
    private static double auc(INDArray output, int[] truth, int c) {
        double wins = 0;
        int pairs = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != c) continue;
            for (int j = 0; j < truth.length; j++) {
                if (truth[j] == c) continue;
                double difference = output.getDouble(i, c) - output.getDouble(j, c);
                wins += difference > 0 ? 1 : difference == 0 ? 0.5 : 0;
                pairs++;
            }
        }
        return wins / pairs;
    }

    private static DatasetSplits line(Random random) {
        DataSet train = lineRows(random, 120);
        double[] y = train.getLabels().toDoubleVector();
        double mean = mean(y, v -> v);
        TargetScale scale = new TargetScale(mean, Math.sqrt(mean(y, v -> (v - mean) * (v - mean))));
        return new DatasetSplits("line", standardized(train, scale), standardized(lineRows(random, 40), scale),
                standardized(lineRows(random, 40), scale), List.of(), Optional.empty(), Task.REGRESSION, scale);
    }

    private static DataSet lineRows(Random random, int rows) {
        float[][] x = new float[rows][3];
        float[][] y = new float[rows][1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 3; c++) x[r][c] = (float) random.nextGaussian();
            y[r][0] = (float) (10 + 4 * x[r][0] - 3 * x[r][1] + 0.5 * random.nextGaussian());
        }
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }

    private static DataSet standardized(DataSet rows, TargetScale scale) {
        return new DataSet(rows.getFeatures(), rows.getLabels().sub(scale.mean()).divi(scale.deviation()));
    }

    /** Classes of the given sizes (the training part; validation and test get a third as many of each). */
    private static DatasetSplits blobs(Random random, List<Integer> sizes) {
        List<String> names = List.of("a", "b", "c").subList(0, sizes.size());
        return new DatasetSplits("blobs", blob(random, sizes, 1), blob(random, sizes, 3), blob(random, sizes, 3), names);
    }

    private static DataSet blob(Random random, int rows, int classes) {
        return blob(random, java.util.Collections.nCopies(classes, rows / classes), 1);
    }

    private static DataSet blob(Random random, List<Integer> sizes, int divisor) {
        int rows = sizes.stream().mapToInt(size -> size / divisor).sum();
        float[][] x = new float[rows][4];
        float[][] y = new float[rows][sizes.size()];
        int r = 0;
        for (int label = 0; label < sizes.size(); label++) {
            for (int i = 0; i < sizes.get(label) / divisor; i++, r++) {
                for (int c = 0; c < 4; c++) x[r][c] = (float) (random.nextGaussian() * 0.8 + (c == label ? 1.5 : 0));
                y[r][label] = 1;
            }
        }
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }
}
