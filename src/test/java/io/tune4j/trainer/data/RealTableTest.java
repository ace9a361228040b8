package io.tune4j.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Tables as users bring them: text columns, gaps, NaN cells, a byte-order mark, gzip, continuous labels. */
class RealTableTest {
    @TempDir
    Path dir;

    @Test
    void aTextColumnIsRefusedByNameUntilDeclaredCategoricalThenOneHotOnTheTrainingCategories() throws IOException {
        Path csv = write("cars.csv", table(60, i -> (i % 3 == 0 ? "USA" : i % 3 == 1 ? "Japan" : "Europe")));
        DatasetException refused = assertThrows(DatasetException.class, () -> load(csv, columns("y", List.of(), MissingValues.REFUSE)));
        assertTrue(refused.getMessage().contains(csv + " line 2, column 2 ('origin'): 'USA' is not a number; declare the"
                + " column in categorical:"), refused.getMessage());

        DatasetSplits splits = load(csv, columns("y", List.of("origin"), MissingValues.REFUSE));
        assertEquals(1 + 3, splits.inputs(), "one number and three categories");
        Preprocessing preprocessing = splits.preprocessing().orElseThrow();
        assertEquals(List.of("size", "origin"), preprocessing.featureNames());
        // An unseen category sets none of the three inputs: before standardization they are all 0.
        INDArray unseen = preprocessing.inputs(List.<String[]>of(new String[] {"5", "Mars"}));
        INDArray japan = preprocessing.inputs(List.<String[]>of(new String[] {"5", "Japan"}));
        assertTrue(unseen.getDouble(0, 1) < 0 && unseen.getDouble(0, 2) < 0 && unseen.getDouble(0, 3) < 0,
                "every category input below its training mean: " + unseen);
        assertTrue(japan.getDouble(0, 2) > 0, "Japan (sorted second) set: " + japan);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "inf", "-inf", "", "NA"})
    void nanInfinityAndEmptyCellsAreMissingNeverNumbers(String cell) throws IOException {
        String text = "size,origin,y\n" + table(30, i -> "A").lines().skip(1)
                .map(line -> line.startsWith("7,") ? line.replaceFirst("^7,", cell + ",") : line)
                .reduce("", (a, b) -> a + b + "\n");
        Path csv = write("gaps.csv", text);
        DatasetException refused = assertThrows(DatasetException.class,
                () -> load(csv, columns("y", List.of("origin"), MissingValues.REFUSE)));
        assertTrue(refused.getMessage().contains(csv + " line 9, column 1 ('size'): missing value"), refused.getMessage());
        DatasetSplits filled = load(csv, columns("y", List.of("origin"),
                new MissingValues(MissingValues.Strategy.MEDIAN, Map.of())));
        assertTrue(Double.isFinite(filled.train().getFeatures().sumNumber().doubleValue()));
        DatasetSplits dropped = load(csv, columns("y", List.of("origin"), new MissingValues(MissingValues.Strategy.DROP, Map.of())));
        assertEquals(29, total(dropped));
    }

    @Test
    void fillValuesComeFromTheTrainingPartOnly() throws IOException {
        StringBuilder text = new StringBuilder("x,y\n");
        for (int i = 0; i < 50; i++) text.append(i % 10 == 0 ? "" : String.valueOf(i)).append(',').append(i % 2).append('\n');
        Path csv = write("fill.csv", text.toString());
        for (MissingValues.Strategy strategy : List.of(MissingValues.Strategy.MEAN, MissingValues.Strategy.MEDIAN,
                MissingValues.Strategy.MOST_FREQUENT)) {
            DatasetSplits splits = load(csv, columns("y", List.of(), new MissingValues(strategy, Map.of())));
            Preprocessing preprocessing = splits.preprocessing().orElseThrow();
            double fill = ((Number) ((Map<?, ?>) ((List<?>) preprocessing.description().get("columns")).get(0)).get("fill"))
                    .doubleValue();
            // Recompute from the training part's own values: the raw values are the standardized ones mapped back.
            double mean = preprocessing.normalizer().getMean().getDouble(0);
            double std = preprocessing.normalizer().getStd().getDouble(0);
            double[] train = splits.train().getFeatures().getColumn(0).toDoubleVector();
            double[] raw = Arrays.stream(train).map(v -> Math.round(v * std + mean)).filter(v -> v != Math.round(fill)).sorted().toArray();
            double expected = switch (strategy) {
                case MEAN -> Arrays.stream(raw).average().orElseThrow();
                case MEDIAN -> raw.length % 2 == 1 ? raw[raw.length / 2] : (raw[raw.length / 2 - 1] + raw[raw.length / 2]) / 2;
                // Every value appears once, so the smallest wins the tie (the filled rows hold it too).
                default -> Arrays.stream(train).map(v -> Math.round(v * std + mean)).min().orElseThrow();
            };
            assertEquals(expected, fill, 1e-3, strategy.key());
        }
    }

    @Test
    void aByteOrderMarkAndGzipAreRead() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = table(30, i -> "A").getBytes(StandardCharsets.UTF_8);
        Path gz = dir.resolve("t.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(bom);
            out.write(text);
        }
        DatasetSplits splits = load(gz, new TableColumns("y", Optional.of(List.of("size")), List.of(), List.of(),
                MissingValues.REFUSE));
        assertEquals(1, splits.inputs(), "'size' found although the file starts with a byte-order mark");
    }

    @Test
    void featuresAndIgnoreChooseColumns() throws IOException {
        Path csv = write("c.csv", "id,a,b,note,y\n" + "1,2,3,x,0\n2,3,4,y,1\n".repeat(15));
        assertEquals(1, load(csv, new TableColumns("y", Optional.of(List.of("b")), List.of(), List.of(),
                MissingValues.REFUSE)).inputs());
        assertEquals(2, load(csv, new TableColumns("y", Optional.empty(), List.of("id", "note"), List.of(),
                MissingValues.REFUSE)).inputs());
        DatasetException typo = assertThrows(DatasetException.class, () -> load(csv, new TableColumns("y",
                Optional.empty(), List.of("nte"), List.of(), MissingValues.REFUSE)));
        assertTrue(typo.getMessage().contains("no column named 'nte' (ignore)"), typo.getMessage());
    }

    @Test
    void anUndeclaredContinuousLabelIsRefusedNamingBothTasksAndRegressionStandardizesTheTarget() throws IOException {
        StringBuilder text = new StringBuilder("x,price\n");
        for (int i = 0; i < 100; i++) text.append(i).append(',').append(1000 + 3.5 * i).append('\n');
        Path csv = write("prices.csv", text.toString());
        DataConfig undeclared = new DataConfig(new DatasetSpec.Csv(csv, "price", null), 0.2, 0.2, 1);
        DatasetException refused = assertThrows(DatasetException.class, () -> DatasetLoader.load(undeclared));
        assertTrue(refused.getMessage().contains("label column 'price': 100 distinct numbers, some fractional,"
                + " look like a continuous target; declare task: regression"), refused.getMessage());
        assertTrue(refused.getMessage().contains("task: classification"), refused.getMessage());

        DatasetSplits splits = DatasetLoader.load(new DataConfig(new DatasetSpec.Csv(csv, "price", null), 0.2, 0.2, 1,
                Optional.of(Task.REGRESSION)));
        assertEquals(Task.REGRESSION, splits.task());
        assertEquals(1, splits.outputs());
        assertEquals(0.0, splits.train().getLabels().meanNumber().doubleValue(), 1e-4, "standardized on training");
        INDArray back = splits.target().original(splits.validation().getLabels());
        for (double price : back.toDoubleVector()) {
            assertEquals(0.0, ((price - 1000) / 3.5) - Math.round((price - 1000) / 3.5), 1e-2, "back in dollars: " + price);
        }
    }

    @Test
    void aClassTooSmallForEveryPartIsNamed() throws IOException {
        Path csv = write("rare.csv", "x,y\n" + "1,a\n2,b\n".repeat(20) + "3,rare\n4,rare\n");
        DatasetException refused = assertThrows(DatasetException.class,
                () -> load(csv, TableColumns.labelled("y")));
        assertTrue(refused.getMessage().contains("class 'rare' has 2 rows, too few for one in each of the 3 parts"),
                refused.getMessage());
    }

    @Test
    void kFoldGivesEveryPoolRowToExactlyOneValidationFoldWithEveryClassInEachAndTheTestPartHeldOut() {
        DataConfig iris = new DataConfig(new DatasetSpec.BuiltIn("iris"), 0.2, 0.2, 3);
        List<DatasetSplits> folds = DatasetLoader.folds(iris, 5, 2);
        assertEquals(10, folds.size());
        int validationRows = 0;
        for (int f = 0; f < 5; f++) {
            DatasetSplits fold = folds.get(f);
            validationRows += fold.validation().numExamples();
            assertEquals(150 - 30, fold.train().numExamples() + fold.validation().numExamples());
            assertEquals(30, fold.test().numExamples());
            INDArray perClass = fold.validation().getLabels().sum(0);
            for (int c = 0; c < 3; c++) assertTrue(perClass.getDouble(c) > 0, "fold " + f + " class " + c);
        }
        assertEquals(120, validationRows, "the five validation folds cover the pool once");
        assertTrue(!folds.get(0).validation().getFeatures().equals(folds.get(5).validation().getFeatures()),
                "the second repeat shuffles with another seed");
    }

    @Test
    void theBuiltInRealTablesLoadWithTheirTasks() {
        DatasetSplits diabetes = DatasetLoader.load(config("diabetes"));
        assertEquals(Task.REGRESSION, diabetes.task());
        assertEquals(442, total(diabetes));
        assertEquals(10, diabetes.inputs());
        DatasetSplits cars = DatasetLoader.load(config("cars"));
        assertEquals(398, total(cars), "406 cars less the 8 without a fuel consumption");
        assertEquals(5 + 3, cars.inputs(), "five numbers and Origin one-hot");
        DatasetSplits weather = DatasetLoader.load(config("seattle-weather"));
        assertEquals(List.of("drizzle", "fog", "rain", "snow", "sun"), weather.classNames());
        assertEquals(4, weather.inputs());
    }

    private static DataConfig config(String builtIn) {
        BuiltInTable table = BuiltInTable.named(builtIn).orElseThrow();
        return new DataConfig(table.spec(), 0.2, 0.2, 42, Optional.of(table.task()));
    }

    private static int total(DatasetSplits splits) {
        return splits.train().numExamples() + splits.validation().numExamples() + splits.test().numExamples();
    }

    private DatasetSplits load(Path csv, TableColumns columns) {
        return DatasetLoader.load(new DataConfig(new DatasetSpec.Csv(CsvFile.at(csv), columns, null), 0.2, 0.2, 1));
    }

    private static TableColumns columns(String label, List<String> categorical, MissingValues missing) {
        return new TableColumns(label, Optional.empty(), List.of(), categorical, missing);
    }

    /** A header and {@code rows} rows: a number, a text cell, and a 0/1 label. */
    private static String table(int rows, java.util.function.IntFunction<String> origin) {
        StringBuilder text = new StringBuilder("size,origin,y\n");
        for (int i = 0; i < rows; i++) text.append(i).append(',').append(origin.apply(i)).append(',').append(i % 2).append('\n');
        return text.toString();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
