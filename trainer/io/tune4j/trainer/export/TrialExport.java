package io.tune4j.trainer.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Writes one exported trial: {@code params.yaml}, {@code network.json} (DL4J's MultiLayerConfiguration JSON)
 * and {@code model.zip} (ModelSerializer format) when the trial's trained model was kept.
 */
public final class TrialExport {
    private TrialExport() {}

    /**
     * @param savedModel the trial's model file; when it is gone, {@code rebuild} gives the configuration
     * @return whether a trained model was exported
     */
    public static boolean write(Path dir, String paramsYaml, Path savedModel,
                                Supplier<MultiLayerConfiguration> rebuild) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("params.yaml"), paramsYaml);
            Path model = dir.resolve("model.zip");
            boolean hasModel = Files.isRegularFile(savedModel);
            MultiLayerConfiguration configuration;
            if (hasModel) {
                Files.copy(savedModel, model, StandardCopyOption.REPLACE_EXISTING);
                configuration = ModelSerializer.restoreMultiLayerNetwork(savedModel.toFile(), false)
                        .getLayerWiseConfigurations();
            } else {
                Files.deleteIfExists(model);
                configuration = rebuild.get();
            }
            Files.writeString(dir.resolve("network.json"), configuration.toJson());
            return hasModel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export to " + dir, e);
        }
    }
}
