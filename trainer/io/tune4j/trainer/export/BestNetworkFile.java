package io.tune4j.trainer.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/**
 * {@code BestNetwork.java} beside an exported trial's {@code network.json}: DL4J builder code that rebuilds that
 * configuration (see {@link NetworkSource}). A graph (a user's network class building a
 * ComputationGraphConfiguration) gets none: that class is already its source, and DL4J graphs are not generated.
 */
public final class BestNetworkFile {
    public static final String NAME = "BestNetwork.java";
    private static final String CLASS = "BestNetwork";

    private BestNetworkFile() {}

    /**
     * Writes {@code dir/BestNetwork.java} from {@code dir/network.json}, or removes a stale one.
     *
     * @return what the export's line says about it: empty when written, else why there is none
     */
    public static String write(Path dir, String study, int trial) {
        Path source = dir.resolve(NAME);
        try {
            String json = Files.readString(dir.resolve("network.json"));
            String missing;
            if (json.contains("\"vertices\"")) {
                missing = "a ComputationGraphConfiguration from the study's own network class, which is its source";
            } else {
                try {
                    Files.writeString(source, NetworkSource.of(MultiLayerConfiguration.fromJson(json), CLASS,
                            header(study, trial)));
                    return "";
                } catch (UnsupportedNetworkException e) {
                    missing = "it holds " + e.getMessage();
                }
            }
            Files.deleteIfExists(source);
            return " (no " + NAME + ": " + missing + ")";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + source, e);
        }
    }

    private static List<String> header(String study, int trial) {
        return List.of(NAME + ": the network of trial " + trial + " of study " + study + ", written by tune4j export.",
                "Train it anew: MultiLayerNetwork net = new MultiLayerNetwork(" + CLASS + ".configuration()); net.init();",
                "net.getLayerWiseConfigurations().toJson() then equals network.json beside it, apart from the",
                "iteration and epoch counts of the trained model (a new network starts at 0).",
                "Compiles against deeplearning4j-core and nd4j-native 1.0.0-M2.1.");
    }
}
