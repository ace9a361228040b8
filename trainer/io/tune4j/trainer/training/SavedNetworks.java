package io.tune4j.trainer.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Reads a model file written by DL4J's {@code ModelSerializer} whichever kind of network it holds: the
 * configuration entry of a graph lists {@code vertices}, a layer stack's does not.
 */
public final class SavedNetworks {
    private static final String CONFIGURATION = "configuration.json";

    private SavedNetworks() {}

    public static Model load(Path modelZip) throws IOException {
        return isGraph(modelZip) ? ModelSerializer.restoreComputationGraph(modelZip.toFile(), false)
                : ModelSerializer.restoreMultiLayerNetwork(modelZip.toFile(), false);
    }

    /** The DL4J JSON of the network configuration inside a model file. */
    public static String configurationJson(Path modelZip) throws IOException {
        try (ZipFile zip = new ZipFile(modelZip.toFile())) {
            ZipEntry entry = zip.getEntry(CONFIGURATION);
            if (entry == null) throw new IOException(modelZip + " has no " + CONFIGURATION + ": not a DL4J model file");
            return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static boolean isGraph(Path modelZip) {
        try {
            return configurationJson(modelZip).contains("\"vertices\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
