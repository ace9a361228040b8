package io.tune4j.trainer.spec;

import static io.tune4j.trainer.spec.NetworkSpaceCheckTest.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tune4j.search.spec.SpecDocument;
import io.tune4j.search.spec.SpecException;
import io.tune4j.search.spec.SpecMapping;
import io.tune4j.trainer.data.DataConfig;
import io.tune4j.trainer.data.DatasetSpec;
import io.tune4j.trainer.data.ImageFolders;
import io.tune4j.trainer.data.Task;
import io.tune4j.trainer.training.ClassWeights;
import io.tune4j.trainer.training.EarlyStopping;
import io.tune4j.trainer.training.EvaluationSpec;
import io.tune4j.trainer.training.TrainingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code dataset:}, {@code split:} and {@code training:} sections. */
class DataAndTrainingParsersTest {
    @TempDir Path dir;

    @Test
    void idxFoldersResolveAgainstTheSpaceFilesFolder() {
        assertEquals(new DatasetSpec.Idx("fashion-mnist", dir.resolve("data/fashion")),
                data("dataset: {fashion-mnist: {dir: data/fashion}}\n").source());
    }

    @Test
    void csvOptionsDefaultAndAcceptAutoOrIndex() throws IOException {
        Files.writeString(dir.resolve("t.csv"), "1,2,0\n");
        assertEquals(new DatasetSpec.Csv(dir.resolve("t.csv"), "last", null), data("dataset: {csv: {path: t.csv}}\n").source());
        assertEquals(new DatasetSpec.Csv(dir.resolve("t.csv"), "0", false),
                data("dataset: {csv: {path: t.csv, label: 0, header: false}}\n").source());
        assertEquals(new DatasetSpec.Csv(dir.resolve("t.csv"), "first", null),
                data("dataset: {csv: {path: t.csv, label: first, header: auto}}\n").source());
        assertAt(assertThrows(SpecException.class, () -> data("""
                dataset:
                  csv: {path: t.csv, header: maybe}
                """)), 2, "dataset.csv.header", "expected true, false or auto");
    }

    @Test
    void imageFoldersTakeASizeAndChannelsAndDefaultToRgbAsTheyAre() throws IOException {
        ImageFolders.greyClasses(dir.resolve("pics"), 6, 4, 1, "a", "b");
        assertEquals(new DatasetSpec.Images(dir.resolve("pics"), new DatasetSpec.Size(6, 4), false, 3),
                data("dataset: {images: {dir: pics}}\n").source(), "the first image's size, known before a run");
        assertEquals(DatasetSpec.Images.resizedTo(dir.resolve("pics"), new DatasetSpec.Size(32, 24), 1),
                data("dataset: {images: {dir: pics, size: [32, 24], channels: 1}}\n").source());
        Files.createDirectories(dir.resolve("flat"));
        assertAt(assertThrows(SpecException.class, () -> data("""
                dataset:
                  images: {dir: flat}
                """)), 2, "dataset.images.dir", dir.resolve("flat") + ": no class sub-folders");
        assertAt(assertThrows(SpecException.class, () -> data("""
                dataset:
                  images: {dir: nope}
                """)), 2, "dataset.images.dir", "image folder not found: " + dir.resolve("nope"));
        assertAt(assertThrows(SpecException.class, () -> data("""
                dataset:
                  images: {dir: pics, channels: 4}
                """)), 2, "dataset.images.channels", "channels must be 1 (grey) or 3 (RGB), got 4");
        assertAt(assertThrows(SpecException.class, () -> data("""
                dataset:
                  images: {dir: pics, size: 28}
                """)), 2, "dataset.images.size", "expected [height, width] in pixels");
        assertAt(assertThrows(SpecException.class, () -> data("""
                dataset:
                  images: {dir: pics, size: [28, 0]}
                """)), 2, "dataset.images.size[1]", "must be at least 1");
        assertAt(assertThrows(SpecException.class, () -> data("""
                dataset:
                  images: {dir: pics, resize: [28, 28]}
                """)), 2, "dataset.images.resize", "unknown key");
    }

    @Test
    void splitFractionsAreCheckedTogether() {
        DataConfig config = data("""
                dataset: wine
                split: {validation: 0.3, test: 0.1}
                """);
        assertEquals(0.3, config.validationFraction());
        assertEquals(0.1, config.testFraction());
        assertEquals(99, config.splitSeed());
        assertAt(assertThrows(SpecException.class, () -> data("""
                dataset: iris
                split: {validation: 0.6, test: 0.5}
                """)), 2, "split", "validation + test < 1");
    }

    @Test
    void aDatasetMappingNeedsAKnownSource() {
        assertAt(assertThrows(SpecException.class, () -> data("""
                dataset: {cvs: {path: a.csv}}
                """)), 1, "dataset.cvs", "did you mean 'csv'?");
    }

    @Test
    void trainingDefaults() {
        assertEquals(new TrainingSpec(30, null), training(null));
        assertEquals(new TrainingSpec(12, new EarlyStopping("val_loss", 4, 0.0)),
                training("training: {epochs: 12, early_stopping: {}}\n"));
        assertNull(training("training: {epochs: 5}\n").earlyStopping());
    }

    @Test
    void trainingRefusesBadNumbersAtTheirLine() {
        assertAt(assertThrows(SpecException.class, () -> training("""
                training:
                  epochs: 0
                """)), 2, "training.epochs", "must be at least 1");
        assertAt(assertThrows(SpecException.class, () -> training("""
                training:
                  early_stopping:
                    patience: -1
                """)), 3, "training.early_stopping.patience", "must be at least 0");
    }

    private DataConfig data(String yaml) {
        SpecMapping root = SpecDocument.parse("data.yaml", yaml).mapping();
        return DataConfigParser.parse(root.require("dataset"), root.get("split"), dir, 99);
    }

    @Test
    void trainingReadsClassWeightsAndATimeLimit() {
        TrainingSpec balanced = training("training: {class_weights: balanced, max_trial_time: 90s}\n");
        assertEquals(ClassWeights.balanced("training.yaml:1: training.class_weights"), balanced.classWeights().get());
        assertEquals(Duration.ofSeconds(90), balanced.maxTrialTime());
        TrainingSpec given = training("training:\n  class_weights: {rain: 3, sun: 0.5}\n");
        assertEquals(Map.of("rain", 3.0, "sun", 0.5), given.classWeights().get().given());
        assertNull(given.maxTrialTime());
    }

    @Test
    void trainingRefusesBadClassWeightsTimeLimitsAndMonitorsOfAnotherTask() {
        assertAt(assertThrows(SpecException.class, () -> training("training:\n  class_weights: even\n")),
                2, "training.class_weights", "expected balanced or a map of label: weight, got 'even'");
        assertAt(assertThrows(SpecException.class, () -> training("training:\n  class_weights: {rain: 0}\n")),
                2, "training.class_weights.rain", "a class weight must be > 0");
        assertAt(assertThrows(SpecException.class, () -> training("training:\n  max_trial_time: soon\n")),
                2, "training.max_trial_time", "expected a duration");
        assertAt(assertThrows(SpecException.class, () -> training("training:\n  early_stopping: {monitor: val_rmse}\n")),
                2, "training.early_stopping.monitor", "unknown monitor 'val_rmse'");
        assertAt(assertThrows(SpecException.class, () -> TrainingSpecParser.parse(SpecDocument.parse("training.yaml",
                "training:\n  class_weights: balanced\n").mapping().get("training"), Task.REGRESSION)),
                2, "training.class_weights", "class weights apply to classification, this study is a regression");
        assertEquals("val_rmse", TrainingSpecParser.parse(SpecDocument.parse("training.yaml",
                "training: {early_stopping: {monitor: val_rmse}}\n").mapping().get("training"), Task.REGRESSION)
                .earlyStopping().monitor());
    }

    @Test
    void evaluationReadsKfoldAndRepeats() {
        assertEquals(EvaluationSpec.HOLDOUT, EvaluationSpecParser.parse(java.util.Optional.empty()));
        assertEquals(new EvaluationSpec(5, 1), evaluation("evaluation: {kfold: 5}\n"));
        assertEquals(new EvaluationSpec(3, 2), evaluation("evaluation: {kfold: 3, repeats: 2}\n"));
        assertAt(assertThrows(SpecException.class, () -> evaluation("evaluation:\n  kfold: 1\n")),
                2, "evaluation.kfold", "must be at least 2");
        assertAt(assertThrows(SpecException.class, () -> evaluation("evaluation:\n  repeats: 2\n")),
                2, "evaluation.kfold", "is required but missing");
    }

    private static EvaluationSpec evaluation(String yaml) {
        return EvaluationSpecParser.parse(SpecDocument.parse("evaluation.yaml", yaml).mapping().get("evaluation"));
    }

    private static TrainingSpec training(String yaml) {
        if (yaml == null) return TrainingSpecParser.parse(java.util.Optional.empty(), Task.CLASSIFICATION);
        return TrainingSpecParser.parse(SpecDocument.parse("training.yaml", yaml).mapping().get("training"),
                Task.CLASSIFICATION);
    }
}
