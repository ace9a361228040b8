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
    @CsvSource({"iris, 150, 4, 3, ''", "digits, 1797, 64, 10, 8x8x1", "wine, 178, 13, 3, ''",
            "breast-cancer, 569, 30, 2, ''"})
    void builtInDatasetsLoadWithTheirShapeAndEveryClassInEveryPart(String name, int rows, int features, int classes,
                                                                   String image) {
        DatasetSplits splits = DatasetLoader.load(new DataConfig(new DatasetSpec.BuiltIn(name), 0.2, 0.2, 1));
        assertEquals(features, splits.inputs());
        assertEquals(classes, splits.classes());
        assertEquals(image == null ? "" : image, splits.image().map(ImageShape::toString).orElse(""));
        assertEquals(splits.image().isPresent(), new DatasetSpec.BuiltIn(name).holdsImages());
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
    void tableColumnsAreStandardizedOnTheTrainingPartWithoutNaNFromConstantColumns() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) text.append(i % 7).append(",5,").append(i * i).append(',').append(i % 2).append('\n');
        DatasetSplits table = DatasetLoader.load(new DataConfig(
                new DatasetSpec.Csv(write("t.csv", text.toString()), "last", false), 0.2, 0.2, 1));
        INDArray train = table.train().getFeatures();
        for (int c : new int[] {0, 2}) {
            assertEquals(0.0, train.getColumn(c).meanNumber().doubleValue(), 1e-4);
            assertEquals(1.0, train.getColumn(c).stdNumber().doubleValue(), 0.05);
        }
        for (var part : List.of(table.train(), table.validation(), table.test())) {
            assertEquals(0.0, part.getFeatures().getColumn(1).amaxNumber().doubleValue(), "the constant column is 0");
        }
    }

    /**
     * Images get one mean and deviation for all their pixels: a blank border pixel keeps the background value
     * instead of becoming 0, and no pixel is blown up by a deviation near 0 (per pixel, digits' test part had
     * values up to 186).
     */
    @Test
    void imagesAreStandardizedPerChannelOnTheTrainingPart() {
        DatasetSplits digits = DatasetLoader.load(new DataConfig(new DatasetSpec.BuiltIn("digits"), 0.2, 0.2, 1));
        INDArray train = digits.train().getFeatures();
        assertEquals(0.0, train.meanNumber().doubleValue(), 1e-4);
        assertEquals(1.0, train.stdNumber().doubleValue(), 1e-3);
        double background = train.minNumber().doubleValue();
        assertTrue(background < -0.5, "0 ink is below the mean: " + background);
        assertEquals(background, train.getColumn(0).maxNumber().doubleValue(), 1e-6, "the corner pixel is never ink");
        for (var part : List.of(digits.train(), digits.validation(), digits.test())) {
            assertTrue(part.getFeatures().amaxNumber().doubleValue() < 3, "16 ink is about 1.8 deviations up");
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
        assertEquals(java.util.Optional.of(new ImageShape(4, 4, 1)), splits.image());
        assertEquals(10, splits.test().numExamples());
        assertEquals(40, splits.train().numExamples() + splits.validation().numExamples());
        assertEquals(10, splits.classes());
    }

    @Test
    void idxTestImagesOfAnotherSizeThanTheTrainingImagesAreRefused() throws IOException {
        writeIdx("train", 20, false, 4);
        writeIdx("t10k", 10, false, 5);
        DatasetException e = assertThrows(DatasetException.class, () ->
                DatasetLoader.load(new DataConfig(new DatasetSpec.Idx("mnist", dir), 0.2, 0.0, 1)));
        assertEquals(dir + ": training images are 4x4x1 but test images 5x5x1", e.getMessage());
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
        writeIdx(part, count, gzip, 4);
    }

    private void writeIdx(String part, int count, boolean gzip, int side) throws IOException {
        String suffix = gzip ? ".gz" : "";
        try (DataOutputStream images = idx(dir.resolve(part + "-images-idx3-ubyte" + suffix), gzip);
             DataOutputStream labels = idx(dir.resolve(part + "-labels-idx1-ubyte" + suffix), gzip)) {
            images.writeInt(2051);
            images.writeInt(count);
            images.writeInt(side);
            images.writeInt(side);
            labels.writeInt(2049);
            labels.writeInt(count);
            for (int i = 0; i < count; i++) {
                for (int p = 0; p < side * side; p++) images.writeByte((i * 7 + p * 13) % 256);
                labels.writeByte(i % 10);
            }
        }
    }

    private static DataOutputStream idx(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new DataOutputStream(gzip ? new GZIPOutputStream(out) : out);
    }
}
