package io.tune4j.trainer.training;

import io.tune4j.trainer.data.Preprocessing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a trained network as a self-contained {@code model.zip}: DL4J's {@code ModelSerializer} entries
 * (configuration, weights, updater state), the fitted {@code NormalizerStandardize} in ND4J's own entry
 * ({@code normalizer.bin}, read back by {@code ModelSerializer.restoreNormalizerFromFile}), and {@value #ENTRY}:
 * the task, the class names and the column encoders (missing-value fills, one-hot categories), in YAML so a person
 * can read what the model expects. Together they turn a raw row into a prediction with nothing else at hand.
 */
public final class ModelBundle {
    /** The zip entry holding the task, classes and column encoders. */
    public static final String ENTRY = "tune4j-preprocessing.yaml";

    private ModelBundle() {}

    /** Writes {@code model} to {@code file}; without {@code preprocessing} (hand-made data) only DL4J's entries. */
    public static void write(Model model, Path file, Optional<Preprocessing> preprocessing) throws IOException {
        ModelSerializer.writeModel(model, file.toFile(), true);
        if (preprocessing.isEmpty()) return;
        // Added after writing: writeModel(model, file, true, normalizer) fails in 1.0.0-M2.1 with
        // "IOException: flush() failed: stream is closed" (it closes its zip stream before the normalizer entry).
        ModelSerializer.addNormalizerToModel(file.toFile(), preprocessing.get().normalizer());
        try (FileSystem zip = FileSystems.newFileSystem(file)) {
            Files.writeString(zip.getPath(ENTRY), yaml().dump(preprocessing.get().description()), StandardCharsets.UTF_8);
        }
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options);
    }

    /** The preprocessing entry of a bundle, if it has one. */
    public static Optional<Map<String, Object>> description(Path file) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(file)) {
            Path entry = zip.getPath(ENTRY);
            if (!Files.exists(entry)) return Optional.empty();
            return Optional.of(yaml().load(Files.readString(entry, StandardCharsets.UTF_8)));
        }
    }
}
