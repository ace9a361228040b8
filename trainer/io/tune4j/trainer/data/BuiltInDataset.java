package io.tune4j.trainer.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The datasets shipped in the jar (see datasets/ATTRIBUTION.md), read from the classpath so nothing is ever
 * downloaded. Most use scikit-learn's layout, a first line {@code n,d,class names…}; digits has no header.
 */
public enum BuiltInDataset {
    IRIS("iris", "iris.csv"),
    DIGITS("digits", "digits.csv.gz", new ImageShape(8, 8, 1)),
    WINE("wine", "wine_data.csv"),
    BREAST_CANCER("breast-cancer", "breast_cancer.csv.gz");

    private final String label;
    private final String file;
    private final Optional<ImageShape> image;

    BuiltInDataset(String label, String file) {
        this(label, file, null);
    }

    BuiltInDataset(String label, String file, ImageShape image) {
        this.label = label;
        this.file = file;
        this.image = Optional.ofNullable(image);
    }

    public String label() {
        return label;
    }

    /** The shape of each row when the rows are images (digits: 8x8 pixels, one channel). */
    public Optional<ImageShape> image() {
        return image;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(BuiltInDataset::label).toList();
    }

    public static BuiltInDataset named(String name) {
        return Arrays.stream(values()).filter(d -> d.label.equals(name)).findFirst()
                .orElseThrow(() -> new DatasetException("unknown built-in dataset '" + name + "'; known: "
                        + String.join(", ", names())));
    }

    LabeledTable read() {
        try (BufferedReader reader = open()) {
            List<String> lines = reader.lines().filter(line -> !line.isBlank()).toList();
            boolean sklearnHeader = this != DIGITS;
            List<String> classNames = sklearnHeader ? headerClassNames(lines.get(0)) : digitNames();
            List<String> rows = sklearnHeader ? lines.subList(1, lines.size()) : lines;
            float[][] features = new float[rows.size()][];
            int[] labels = new int[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                String[] cells = rows.get(r).split(",");
                features[r] = new float[cells.length - 1];
                for (int c = 0; c < cells.length - 1; c++) features[r][c] = Float.parseFloat(cells[c]);
                labels[r] = (int) Double.parseDouble(cells[cells.length - 1]);
            }
            return new LabeledTable(features, labels, classNames, image);
        } catch (IOException e) {
            throw new DatasetException("cannot read the built-in dataset " + label, e);
        }
    }

    private BufferedReader open() throws IOException {
        InputStream in = BuiltInDataset.class.getResourceAsStream("/datasets/" + file);
        if (in == null) throw new DatasetException("built-in dataset file datasets/" + file + " is missing from the jar");
        if (file.endsWith(".gz")) in = new GZIPInputStream(in);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static List<String> headerClassNames(String header) {
        String[] cells = header.split(",");
        return List.copyOf(Arrays.asList(cells).subList(2, cells.length));
    }

    private static List<String> digitNames() {
        List<String> names = new ArrayList<>();
        for (int digit = 0; digit < 10; digit++) names.add(String.valueOf(digit));
        return names;
    }
}
