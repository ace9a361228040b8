package io.tune4j.trainer.export;

import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.network.NetworkContext;
import io.tune4j.trainer.network.NetworkDefinition;
import io.tune4j.trainer.training.Dl4jObjective;
import io.tune4j.trainer.training.SavedNetworks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes one exported trial: {@code params.yaml}, {@code network.json} (DL4J's JSON of the layer stack or graph)
 * and {@code model.zip} (ModelSerializer format) when the trial's trained model was kept.
 */
public final class TrialExport {
    private TrialExport() {}

    /**
     * The DL4J JSON of the network {@code definition} builds from a trial's params, for a trial whose model was
     * not kept.
     */
    public static String rebuiltJson(NetworkDefinition definition, DatasetSplits data, Map<String, Object> params,
                                     long seed) {
        return definition.build(params, new NetworkContext(Dl4jObjective.inputOf(data), data.outputs(), seed, data.task())).toJson();
    }

    /**
     * @param savedModel the trial's model file; when it is gone, {@code rebuild} gives the configuration
     * @return whether a trained model was exported
     */
    public static boolean write(Path dir, String paramsYaml, Path savedModel, Supplier<String> rebuild) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("params.yaml"), paramsYaml);
            Path model = dir.resolve("model.zip");
            boolean hasModel = Files.isRegularFile(savedModel);
            String configuration;
            if (hasModel) {
                Files.copy(savedModel, model, StandardCopyOption.REPLACE_EXISTING);
                configuration = SavedNetworks.configurationJson(savedModel);
            } else {
                Files.deleteIfExists(model);
                configuration = rebuild.get();
            }
            Files.writeString(dir.resolve("network.json"), configuration);
            return hasModel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export to " + dir, e);
        }
    }
}
