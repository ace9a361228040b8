package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.cli.Tune4jCli.Result;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.bundle.BundleEvaluation;
import io.tune4j.trainer.bundle.Prediction;
import io.tune4j.trainer.bundle.RawRows;
import io.tune4j.trainer.bundle.Tune4jModel;
import io.tune4j.trainer.data.DatasetLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exported bundle fed raw rows, as a user's service would feed it, scores exactly what its study recorded:
 * the preprocessing fitted on the training part (standardization, one-hot categories, fills, class names) travels
 * inside model.zip.
 */
class BundleRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void aTableClassifiersBundleScoresTheRecordedTestAccuracyOnRawRows() throws IOException {
        Path space = write("iris.yaml", """
                study: iris-bundle
                dataset: iris
                search: {sampler: random, trials: 2, seed: 7}
                training: {epochs: 15}
                space:
                  learning_rate: 0.05
                  units: {int: [8, 16]}
                """);
        TrialRecord best = runAndExport(space, "iris-bundle");
        Path bundle = dir.resolve("results/iris-bundle/best-1");
        Result evaluated = Tune4jCli.run("evaluate", bundle.toString(), bundle.resolve("test.csv").toString());
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        double recorded = Double.parseDouble(best.attributes().get("test_accuracy"));
        assertTrue(evaluated.out().contains(String.format(java.util.Locale.ROOT, "accuracy   %.4f", recorded)),
                "recorded " + recorded + ", evaluated:\n" + evaluated.out());
        assertTrue(evaluated.out().contains("confusion matrix"), evaluated.out());

        Result predicted = Tune4jCli.run("predict", bundle.toString(), bundle.resolve("test.csv").toString(),
                "--out", dir.resolve("p.csv").toString());
        assertEquals(0, predicted.exitCode(), predicted.err());
        List<String> lines = Files.readAllLines(dir.resolve("p.csv"));
        assertEquals("label,p_setosa,p_versicolor,p_virginica", lines.get(0));
        assertEquals(30 + 1, lines.size());
    }

    @Test
    void aConvolutionalBundleScoresTheRecordedTestAccuracyOnRawPixels() throws IOException {
        Path space = write("cnn.yaml", """
                study: digits-bundle
                dataset: digits
                search: {sampler: random, trials: 1, seed: 3}
                training: {epochs: 2}
                network:
                  - conv2d: {filters: 4, kernel: 3, padding: same}
                  - pool: {type: max, kernel: 2}
                  - output: {}
                space:
                  learning_rate: 0.01
                  optimizer: adam
                """);
        TrialRecord best = runAndExport(space, "digits-bundle");
        assertFalse(Files.exists(dir.resolve("results/digits-bundle/best-1/test.csv")), "no text copy of images");
        StudyPlan plan = StudyFile.load(space);
        Path rows = Files.writeString(dir.resolve("digits-test.csv"), DatasetLoader.testPartCsv(plan.data()));
        try (Tune4jModel model = Tune4jModel.load(dir.resolve("results/digits-bundle/best-1"))) {
            Map<String, Double> metrics = BundleEvaluation.metrics(model, RawRows.read(rows, model));
            assertEquals(Double.parseDouble(best.attributes().get("test_accuracy")), metrics.get("accuracy"), 1e-9);
        }
    }

    @Test
    void aRealTableWithTextAndGapsPredictsFromARowByColumnName() throws IOException {
        Path space = write("weather.yaml", """
                study: weather-bundle
                dataset: {csv: {path: cars.csv, label: Origin, ignore: [Name, Year], missing: median}}
                search: {sampler: random, trials: 1, seed: 5}
                training: {epochs: 5}
                space:
                  learning_rate: 0.01
                """);
        Files.copy(Path.of("src/main/resources/datasets/cars.csv"), dir.resolve("cars.csv"));
        TrialRecord best = runAndExport(space, "weather-bundle");
        Path bundle = dir.resolve("results/weather-bundle/best-1");
        try (Tune4jModel model = Tune4jModel.load(bundle)) {
            assertEquals(List.of("Miles_per_Gallon", "Cylinders", "Displacement", "Horsepower", "Weight_in_lbs",
                    "Acceleration"), model.featureNames());
            // A gap in Horsepower is filled with the training part's median, as in training.
            Prediction prediction = model.predict(Map.of("Miles_per_Gallon", "18", "Cylinders", "8", "Displacement",
                    "307", "Horsepower", "", "Weight_in_lbs", "3504", "Acceleration", "12", "Name", "ignored"));
            assertEquals(List.of("Europe", "Japan", "USA"), List.copyOf(prediction.probabilities().keySet()));
            assertEquals(1.0, prediction.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-4);
            Map<String, Double> metrics = BundleEvaluation.metrics(model, RawRows.read(bundle.resolve("test.csv"), model));
            assertEquals(Double.parseDouble(best.attributes().get("test_accuracy")), metrics.get("accuracy"), 1e-9);
        }
    }

    @Test
    void aRegressorsBundleScoresTheRecordedTestRmseInTheTargetsUnits() throws IOException {
        Path space = write("diabetes.yaml", """
                study: diabetes-bundle
                dataset: diabetes
                search: {sampler: random, trials: 1, seed: 2}
                training: {epochs: 5}
                space:
                  learning_rate: 0.01
                  optimizer: adam
                """);
        TrialRecord best = runAndExport(space, "diabetes-bundle");
        Path bundle = dir.resolve("results/diabetes-bundle/best-1");
        try (Tune4jModel model = Tune4jModel.load(bundle)) {
            Map<String, Double> metrics = BundleEvaluation.metrics(model, RawRows.read(bundle.resolve("test.csv"), model));
            double recorded = Double.parseDouble(best.attributes().get("test_rmse"));
            assertTrue(recorded > 20, "in the target's units (progression ~25-346), not standardized: " + recorded);
            // Float rounding of the standardized target (the file holds the raw numbers) is all that differs.
            assertEquals(recorded, metrics.get("rmse"), recorded * 1e-5);
            assertEquals(Double.parseDouble(best.attributes().get("test_r2")), metrics.get("r2"), 1e-4);
        }
    }

    @Test
    void aMissingBundleOrAWrongColumnSetIsOneLineAndWritesNothing() throws IOException {
        Result missing = Tune4jCli.run("predict", dir.resolve("nope").toString(), write("x.csv", "a\n1\n").toString(),
                "--out", dir.resolve("out.csv").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("tune4j: no model bundle at " + dir.resolve("nope") + " (no model.zip)", missing.err().strip());
        assertFalse(Files.exists(dir.resolve("out.csv")));

        Path cars = write("cars.yaml", """
                study: cars-columns
                dataset: cars
                search: {sampler: random, trials: 1, seed: 1}
                training: {epochs: 1}
                space:
                  learning_rate: 0.01
                """);
        runAndExport(cars, "cars-columns");
        Path bundle = dir.resolve("results/cars-columns/best-1");
        Result wrongColumns = Tune4jCli.run("predict", bundle.toString(),
                write("w.csv", "Cylinders,Weight_in_lbs\n8,3504\n").toString(), "--out", dir.resolve("out.csv").toString());
        assertEquals(2, wrongColumns.exitCode());
        assertTrue(wrongColumns.err().strip().matches("tune4j: .*w.csv line 1: no column 'Displacement'; the model takes"
                + " \\[Cylinders, Displacement, Horsepower, Weight_in_lbs, Acceleration, Origin\\]"), wrongColumns.err());
        assertEquals(1, wrongColumns.err().strip().lines().count());
        assertFalse(Files.exists(dir.resolve("out.csv")));
    }

    private TrialRecord runAndExport(Path space, String study) {
        Path results = dir.resolve("results");
        Result run = Tune4jCli.run("run", space.toString(), "--results", results.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        try (StudyStore store = H2StudyStore.openFile(results)) {
            return store.topTrials(store.findStudy(study).orElseThrow().id(), 1).get(0);
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
