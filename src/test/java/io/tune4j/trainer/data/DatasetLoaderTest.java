package io.tune4j.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class DatasetLoaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"iris, 150, 4, 3", "digits, 1797, 64, 10", "wine, 178, 13, 3", "breast-cancer, 569, 30, 2"})
    void builtInDatasetsLoadWithTheirShapeAndEveryClassInEveryPart(String name, int rows, int features, int classes) {
        DatasetSplits splits = DatasetLoader.load(new DataConfig(new DatasetSpec.BuiltIn(name), 0.2, 0.2, 1));
        assertEquals(features, splits.inputs());
        assertEquals(classes, splits.classes());
        assertEquals(rows, splits.train().numExamples() + splits.validation().numExamples()
                + splits.test().numExamples());
        for (var part : List.of(splits.train(), splits.validation(), splits.test())) {
            INDArray perClass = part.getLabels().sum(0);
            for (int c = 0; c < classes; c++) assertTrue(perClass.getDouble(c) > 0, name + " class " + c);
        }
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        DatasetSplits a = DatasetLoader.load(new DataConfig(new DatasetSpec.BuiltIn("iris"), 0.2, 0.2, 5));
        DatasetSplits b = DatasetLoader.load(new DataConfig(new DatasetSpec.BuiltIn("iris"), 0.2, 0.2, 5));
        DatasetSplits c = DatasetLoader.load(new DataConfig(new DatasetSpec.BuiltIn("iris"), 0.2, 0.2, 6));
        assertEquals(a.validation().getFeatures(), b.validation().getFeatures());
        assertNotEquals(a.validation().getFeatures(), c.validation().getFeatures());
    }

    @Test
    void featuresAreStandardizedOnTheTrainingPartWithoutNaNFromConstantColumns() {
        DatasetSplits digits = DatasetLoader.load(new DataConfig(new DatasetSpec.BuiltIn("digits"), 0.2, 0.2, 1));
        INDArray train = digits.train().getFeatures();
        INDArray mean = train.mean(0);
        INDArray std = train.std(false, 0);
        int constant = 0;
        for (int c = 0; c < digits.inputs(); c++) {
            assertEquals(0.0, mean.getDouble(c), 1e-4);
            if (std.getDouble(c) < 1e-6) constant++;
            else assertEquals(1.0, std.getDouble(c), 1e-3);
        }
        assertTrue(constant > 0, "digits has blank pixels that never vary");
        for (var part : List.of(digits.train(), digits.validation(), digits.test())) {
            assertEquals(0, part.getFeatures().isNaN().castTo(org.nd4j.linalg.api.buffer.DataType.INT)
                    .sumNumber().intValue());
        }
    }

    @Test
    void aCsvWithAHeaderAndNamedStringLabelsLoads() throws IOException {
        Path csv = write("flowers.csv", "width,height,species\n" + rows(30, "small", 1) + rows(30, "large", 9));
        DatasetSplits splits = DatasetLoader.load(new DataConfig(new DatasetSpec.Csv(csv, "species", null), 0.2, 0.2, 1));
        assertEquals(List.of("large", "small"), splits.classNames());
        assertEquals(2, splits.inputs());
        assertEquals(60, splits.train().numExamples() + splits.validation().numExamples() + splits.test().numExamples());
    }

    @Test
    void aCsvWithoutHeaderTakesTheLabelFromTheFirstColumn() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) text.append(i % 2).append(',').append(i).append(',').append(i * 2).append('\n');
        Path csv = write("plain.csv", text.toString());
        DatasetSplits splits = DatasetLoader.load(new DataConfig(new DatasetSpec.Csv(csv, "first", null), 0.2, 0.2, 1));
        assertEquals(List.of("0", "1"), splits.classNames());
        assertEquals(2, splits.inputs());
    }

    @Test
    void csvMistakesNameTheFileLineAndColumn() throws IOException {
        Path missing = dir.resolve("nope.csv");
        assertMessage(new DatasetSpec.Csv(missing, "last", null), "CSV file not found: " + missing);

        Path bad = write("bad.csv", "a,b,label\n1,2,x\n3,abc,y\n");
        assertMessage(new DatasetSpec.Csv(bad, "last", true), bad + " line 3, column 2 ('b'): 'abc' is not a number");

        Path ragged = write("ragged.csv", "1,2,0\n3,1\n");
        assertMessage(new DatasetSpec.Csv(ragged, "last", false), ragged + " line 2: 2 columns");

        Path empty = write("empty.csv", "");
        assertMessage(new DatasetSpec.Csv(empty, "last", null), "the CSV file is empty");

        Path oneClass = write("one.csv", "1,2,0\n3,4,0\n");
        assertMessage(new DatasetSpec.Csv(oneClass, "last", false), "at least 2");

        Path named = write("named.csv", "a,b,label\n1,2,0\n3,4,1\n");
        assertMessage(new DatasetSpec.Csv(named, "kind", null), "no column named 'kind'");
    }

    @Test
    void idxFilesLoadPlainOrGzippedWithTheirTestPartKept() throws IOException {
        writeIdx("train", 40, false);
        writeIdx("t10k", 10, true);
        DatasetSplits splits = DatasetLoader.load(new DataConfig(new DatasetSpec.Idx("mnist", dir), 0.25, 0.0, 1));
        assertEquals(16, splits.inputs());
        assertEquals(10, splits.test().numExamples());
        assertEquals(40, splits.train().numExamples() + splits.validation().numExamples());
        assertEquals(10, splits.classes());
    }

    @Test
    void aMissingIdxFileIsNamed() throws IOException {
        writeIdx("train", 20, false);
        DatasetException e = assertThrows(DatasetException.class, () ->
                DatasetLoader.load(new DataConfig(new DatasetSpec.Idx("fashion-mnist", dir), 0.2, 0.0, 1)));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte"), e.getMessage());
    }

    @Test
    void anUnknownBuiltInListsTheKnownOnes() {
        DatasetException e = assertThrows(DatasetException.class, () ->
                DatasetLoader.load(new DataConfig(new DatasetSpec.BuiltIn("cifar"), 0.2, 0.2, 1)));
        assertTrue(e.getMessage().contains("iris, digits, wine, breast-cancer"), e.getMessage());
    }

    private void assertMessage(DatasetSpec spec, String expected) {
        DatasetException e = assertThrows(DatasetException.class,
                () -> DatasetLoader.load(new DataConfig(spec, 0.2, 0.2, 1)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String rows(int count, String label, int base) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) text.append(base + i % 3).append(',').append(base * 2 + i % 5).append(',')
                .append(label).append('\n');
        return text.toString();
    }

    /** Tiny 4x4 idx files with every class of ten present. */
    private void writeIdx(String part, int count, boolean gzip) throws IOException {
        String suffix = gzip ? ".gz" : "";
        try (DataOutputStream images = idx(dir.resolve(part + "-images-idx3-ubyte" + suffix), gzip);
             DataOutputStream labels = idx(dir.resolve(part + "-labels-idx1-ubyte" + suffix), gzip)) {
            images.writeInt(2051);
            images.writeInt(count);
            images.writeInt(4);
            images.writeInt(4);
            labels.writeInt(2049);
            labels.writeInt(count);
            for (int i = 0; i < count; i++) {
                for (int p = 0; p < 16; p++) images.writeByte((i * 7 + p * 13) % 256);
                labels.writeByte(i % 10);
            }
        }
    }

    private static DataOutputStream idx(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new DataOutputStream(gzip ? new GZIPOutputStream(out) : out);
    }
}
