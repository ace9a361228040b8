package io.tune4j.trainer.spec;

import io.tune4j.search.spec.SpecMapping;
import io.tune4j.search.spec.SpecNode;
import io.tune4j.trainer.data.BuiltInDataset;
import io.tune4j.trainer.data.DataConfig;
import io.tune4j.trainer.data.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code dataset:} (a built-in name, {@code {csv: {path, label, header}}}, {@code {mnist: {dir}}},
 * {@code {fashion-mnist: {dir}}} or {@code {images: {dir, size: [h, w], channels: 1|3}}}) and the optional {@code split: {validation, test, seed}}. Relative paths are
 * resolved against the space file's folder, so a study runs the same from any working directory.
 */
public final class DataConfigParser {
    private static final List<String> BUILT_IN = BuiltInDataset.names();
    private static final List<String> SOURCES = List.of("csv", "mnist", "fashion-mnist", "images");
    private static final double DEFAULT_FRACTION = 0.2;

    private DataConfigParser() {}

    public static DataConfig parse(SpecNode dataset, Optional<SpecNode> split, Path baseDir, long defaultSeed) {
        DatasetSpec source = source(dataset, baseDir);
        if (split.isEmpty()) return new DataConfig(source, DEFAULT_FRACTION, DEFAULT_FRACTION, defaultSeed);
        SpecMapping fractions = split.get().mapping().allowOnly(List.of("validation", "test", "seed"));
        double validation = fractions.get("validation").map(SpecNode::number).orElse(DEFAULT_FRACTION);
        double test = fractions.get("test").map(SpecNode::number).orElse(DEFAULT_FRACTION);
        long seed = fractions.get("seed").map(SpecNode::wholeNumber).orElse(defaultSeed);
        return split.get().build(() -> new DataConfig(source, validation, test, seed));
    }

    private static DatasetSpec source(SpecNode dataset, Path baseDir) {
        if (!dataset.isMapping()) return new DatasetSpec.BuiltIn(dataset.oneOf("built-in dataset", BUILT_IN));
        SpecMapping kinds = dataset.mapping().allowOnly(SOURCES);
        if (kinds.size() != 1) throw dataset.fail("needs exactly one of " + String.join(", ", SOURCES));
        SpecMapping.Entry kind = kinds.entries().get(0);
        SpecMapping options = kind.value().mapping();
        if (kind.name().equals("csv")) return csv(options.allowOnly(List.of("path", "label", "header")), baseDir);
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
        return new DatasetSpec.Csv(path, label, header);
    }

    /** An image folder; channels default to 3, as Keras's {@code image_dataset_from_directory} (rgb). */
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
        return new DatasetSpec.Images(dir, size, channels);
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
