package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.cli.Tune4jCli.Result;
import io.tune4j.trainer.export.BestNetworkFile;
import io.tune4j.trainer.export.CompiledSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * {@code export} writes BestNetwork.java beside network.json: compiled as a user would, its configuration()
 * makes a network whose configuration is the trained network's, for a convolutional stack with a learning-rate schedule; a graph
 * from a user's network class gets none, and the export line says why.
 */
class BestNetworkExportTest {
    private static final String CNN = """
            study: cnn
            dataset: digits
            objective: {metric: val_accuracy, direction: maximize}
            search: {sampler: random, trials: 2, seed: 5}
            training: {epochs: 2}
            network:
              - conv2d: {filters: {choice: [3, 4]}, kernel: 3, padding: same}
              - batch_norm: {}
              - pool: {type: max, kernel: 2}
              - dropout: {rate: 0.2}
              - dense: {units: {int: [8, 16]}}
              - output: {}
            space:
              learning_rate: {log_uniform: [1.0e-3, 1.0e-2]}
              lr_schedule: exponential
              optimizer: {choice: [adam, nesterov]}
              l2: 1.0e-4
            """;

    @TempDir
    Path dir;

    @Test
    void theExportedSourceRebuildsTheTrainedNetworksConfiguration() throws Exception {
        Path space = Files.writeString(dir.resolve("cnn.yaml"), CNN);
        Path results = dir.resolve("results");
        Result run = Tune4jCli.run("run", space.toString(), "--results", results.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        Result export = Tune4jCli.run("export", "cnn", "--top", "2", "--results", results.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertFalse(export.out().contains("no " + BestNetworkFile.NAME), export.out());
        for (int rank = 1; rank <= 2; rank++) {
            Path best = results.resolve("cnn").resolve("best-" + rank);
            String source = Files.readString(best.resolve(BestNetworkFile.NAME));
            MultiLayerNetwork network = new MultiLayerNetwork(
                    new CompiledSources(Map.of("BestNetwork", source)).configuration("BestNetwork"));
            // init() lists each layer's variables in the configuration, as training did for network.json
            network.init();
            String rebuilt = network.getLayerWiseConfigurations().toJson();
            assertEquals(withoutCounts(Files.readString(best.resolve("network.json"))), withoutCounts(rebuilt),
                    "rank " + rank + ":\n" + source);
        }
    }

    @Test
    void aGraphGetsNoSourceAndTheLineSaysWhy() throws Exception {
        ComputationGraphConfiguration graph = new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(4).nOut(3).build(), "in")
                .addLayer("out", new OutputLayer.Builder().nIn(3).nOut(2).build(), "hidden")
                .setOutputs("out").build();
        Files.writeString(dir.resolve("network.json"), graph.toJson());
        Files.writeString(dir.resolve(BestNetworkFile.NAME), "// from an earlier export of another network");

        String remark = BestNetworkFile.write(dir, "graph-study", 3);

        assertTrue(remark.contains("no BestNetwork.java: a ComputationGraphConfiguration"), remark);
        assertFalse(Files.exists(dir.resolve(BestNetworkFile.NAME)), "a stale source must not pass for this network's");
    }

    /**
     * The JSON without its iteration and epoch counts: a trained model's configuration counts the epochs it
     * trained, a configuration built from source starts at 0, as a new network must.
     */
    private static String withoutCounts(String json) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode tree = mapper.readTree(json);
        strip(tree);
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) object.remove(java.util.List.of("iterationCount", "epochCount"));
        node.forEach(BestNetworkExportTest::strip);
    }
}
