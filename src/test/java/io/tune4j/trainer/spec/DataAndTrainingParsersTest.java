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
import io.tune4j.trainer.training.EarlyStopping;
import io.tune4j.trainer.training.TrainingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Files.createDirectories(dir.resolve("pics"));
        assertEquals(new DatasetSpec.Images(dir.resolve("pics"), Optional.empty(), 3),
                data("dataset: {images: {dir: pics}}\n").source());
        assertEquals(new DatasetSpec.Images(dir.resolve("pics"), Optional.of(new DatasetSpec.Size(32, 24)), 1),
                data("dataset: {images: {dir: pics, size: [32, 24], channels: 1}}\n").source());
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

    private static TrainingSpec training(String yaml) {
        if (yaml == null) return TrainingSpecParser.parse(java.util.Optional.empty());
        return TrainingSpecParser.parse(SpecDocument.parse("training.yaml", yaml).mapping().get("training"));
    }
}
