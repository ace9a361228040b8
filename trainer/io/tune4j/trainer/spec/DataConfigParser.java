package io.tune4j.trainer.spec;

import io.tune4j.search.spec.SpecMapping;
import io.tune4j.search.spec.SpecNode;
import io.tune4j.trainer.data.BuiltInDataset;
import io.tune4j.trainer.data.BuiltInTable;
import io.tune4j.trainer.data.CsvFile;
import io.tune4j.trainer.data.DataConfig;
import io.tune4j.trainer.data.DatasetException;
import io.tune4j.trainer.data.DatasetSpec;
import io.tune4j.trainer.data.MissingValues;
import io.tune4j.trainer.data.TableColumns;
import io.tune4j.trainer.data.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads {@code dataset:} (a built-in name, {@code {csv: {path, label, header, features, ignore, categorical,
 * missing}}}, {@code {mnist: {dir}}}, {@code {fashion-mnist: {dir}}} or {@code {images: {dir, size: [h, w],
 * channels: 1|3}}}), the optional {@code split: {validation, test, seed}} and {@code task:}. Relative paths are
 * resolved against the space file's folder, so a study runs the same from any working directory.
 */
public final class DataConfigParser {
    private static final List<String> BUILT_IN =
            Stream.concat(BuiltInDataset.names().stream(), BuiltInTable.names().stream()).toList();
    private static final List<String> SOURCES = List.of("csv", "mnist", "fashion-mnist", "images");
    private static final List<String> CSV_KEYS =
            List.of("path", "label", "header", "features", "ignore", "categorical", "missing");
    private static final double DEFAULT_FRACTION = 0.2;

    private DataConfigParser() {}

    public static DataConfig parse(SpecNode dataset, Optional<SpecNode> split, Path baseDir, long defaultSeed) {
        return parse(dataset, split, Optional.empty(), baseDir, defaultSeed);
    }

    /** With {@code task}, the space file's {@code task:} node; a built-in table brings its own when there is none. */
    public static DataConfig parse(SpecNode dataset, Optional<SpecNode> split, Optional<SpecNode> task, Path baseDir,
                                   long defaultSeed) {
        DatasetSpec source = source(dataset, baseDir);
        Optional<Task> declared = task.map(node -> Task.named(node.oneOf("task", Task.NAMES)));
        if (declared.isEmpty() && !dataset.isMapping()) {
            declared = BuiltInTable.named(dataset.text()).map(BuiltInTable::task);
        }
        Optional<Task> chosen = declared;
        if (split.isEmpty()) return new DataConfig(source, DEFAULT_FRACTION, DEFAULT_FRACTION, defaultSeed, chosen);
        SpecMapping fractions = split.get().mapping().allowOnly(List.of("validation", "test", "seed"));
        double validation = fractions.get("validation").map(SpecNode::number).orElse(DEFAULT_FRACTION);
        double test = fractions.get("test").map(SpecNode::number).orElse(DEFAULT_FRACTION);
        long seed = fractions.get("seed").map(SpecNode::wholeNumber).orElse(defaultSeed);
        return split.get().build(() -> new DataConfig(source, validation, test, seed, chosen));
    }

    private static DatasetSpec source(SpecNode dataset, Path baseDir) {
        if (!dataset.isMapping()) {
            String name = dataset.oneOf("built-in dataset", BUILT_IN);
            return BuiltInTable.named(name).<DatasetSpec>map(BuiltInTable::spec).orElseGet(() -> new DatasetSpec.BuiltIn(name));
        }
        SpecMapping kinds = dataset.mapping().allowOnly(SOURCES);
        if (kinds.size() != 1) throw dataset.fail("needs exactly one of " + String.join(", ", SOURCES));
        SpecMapping.Entry kind = kinds.entries().get(0);
        SpecMapping options = kind.value().mapping();
        if (kind.name().equals("csv")) return csv(options.allowOnly(CSV_KEYS), baseDir);
        if (kind.name().equals("images")) return images(options.allowOnly(List.of("dir", "size", "channels")), baseDir);
        Path dir = baseDir.resolve(options.allowOnly(List.of("dir")).require("dir").text()).normalize();
        return new DatasetSpec.Idx(kind.name(), dir);
    }

    private static DatasetSpec csv(SpecMapping csv, Path baseDir) {
        SpecNode pathNode = csv.require("path");
        Path path = baseDir.resolve(pathNode.text()).normalize();
        if (!Files.isRegularFile(path)) throw pathNode.fail("CSV file not found: " + path);
        String label = csv.get("label").map(SpecNode::text).orElse("last");
        Boolean header = csv.get("header").map(DataConfigParser::header).orElse(null);
        Optional<List<String>> features = csv.get("features").map(DataConfigParser::names);
        if (features.isPresent() && csv.get("ignore").isPresent()) {
            throw csv.require("ignore").fail("give features: (the columns to use) or ignore: (the columns to leave out), not both");
        }
        List<String> ignore = csv.get("ignore").map(DataConfigParser::names).orElse(List.of());
        List<String> categorical = csv.get("categorical").map(DataConfigParser::names).orElse(List.of());
        MissingValues missing = csv.get("missing").map(DataConfigParser::missing).orElse(MissingValues.REFUSE);
        return new DatasetSpec.Csv(CsvFile.at(path), new TableColumns(label, features, ignore, categorical, missing), header);
    }

    /** Column names: a list, or one name. */
    private static List<String> names(SpecNode node) {
        if (!node.isSequence()) return List.of(node.text());
        List<String> names = new ArrayList<>();
        for (SpecNode name : node.sequence()) names.add(name.text());
        return names;
    }

    /** One strategy for every column, or {@code {column: strategy, …, others: strategy}}. */
    private static MissingValues missing(SpecNode node) {
        if (!node.isMapping()) return new MissingValues(strategy(node), Map.of());
        MissingValues.Strategy others = MissingValues.Strategy.REFUSE;
        Map<String, MissingValues.Strategy> perColumn = new LinkedHashMap<>();
        for (SpecMapping.Entry entry : node.mapping().entries()) {
            if (entry.name().equals(MissingValues.OTHERS)) others = strategy(entry.value());
            else perColumn.put(entry.name(), strategy(entry.value()));
        }
        return new MissingValues(others, perColumn);
    }

    private static MissingValues.Strategy strategy(SpecNode node) {
        return MissingValues.Strategy.named(node.oneOf("missing", MissingValues.Strategy.NAMES));
    }

    /**
     * An image folder; channels default to 3, as Keras's {@code image_dataset_from_directory} (rgb). Without
     * {@code size}, the first image is decoded now for the shape the network is checked against, so a folder
     * with no image is refused here, at its line.
     */
    private static DatasetSpec images(SpecMapping images, Path baseDir) {
        SpecNode dirNode = images.require("dir");
        Path dir = baseDir.resolve(dirNode.text()).normalize();
        if (!Files.isDirectory(dir)) throw dirNode.fail("image folder not found: " + dir);
        Optional<DatasetSpec.Size> size = images.get("size").map(DataConfigParser::size);
        int channels = images.get("channels").map(node -> {
            int value = node.integer();
            if (value != 1 && value != 3) throw node.fail("channels must be 1 (grey) or 3 (RGB), got " + value);
            return value;
        }).orElse(3);
        if (size.isPresent()) return DatasetSpec.Images.resizedTo(dir, size.get(), channels);
        try {
            return DatasetSpec.Images.asFound(dir, channels);
        } catch (DatasetException e) {
            throw dirNode.fail(e.getMessage());
        }
    }

    private static DatasetSpec.Size size(SpecNode node) {
        List<SpecNode> sides = node.isSequence() ? node.sequence() : List.of();
        if (sides.size() != 2) throw node.fail("expected [height, width] in pixels");
        return new DatasetSpec.Size(sides.get(0).integerAtLeast(1), sides.get(1).integerAtLeast(1));
    }

    /** true, false, or auto (null: let the reader detect a header row). */
    private static Boolean header(SpecNode node) {
        if (node.scalar() instanceof Boolean given) return given;
        if (node.text().equals("auto")) return null;
        throw node.fail("expected true, false or auto, got '" + node.text() + "'");
    }
}
