package io.tune4j.trainer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.spec.SpecDocument;
import io.tune4j.trainer.data.Task;
import io.tune4j.trainer.network.BuiltNetwork;
import io.tune4j.trainer.network.DenseShorthand;
import io.tune4j.trainer.network.NetworkContext;
import io.tune4j.trainer.spec.NetworkSectionParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The generated BestNetwork source, compiled with javac and run, must rebuild the very configuration it was
 * written from: its toJson() equals the original's, for the dense shorthand, a stack of every block kind, and
 * every optimizer with each learning-rate schedule it accepts.
 */
class NetworkSourceTest {
    private static final String EVERY_BLOCK = """
            network:
              - conv2d: {filters: 4, kernel: 3, stride: 1, padding: valid, activation: TANH, dropout: 0.15}
              - batch_norm: {}
              - conv2d: {filters: 6, kernel: 2, padding: same}
              - pool: {type: avg, kernel: 2, stride: 1}
              - dropout: {rate: 0.3}
              - global_pool: {type: max}
              - dense: {units: 7, activation: LEAKYRELU, dropout: 0.1}
              - output: {dropout: 0.2}
            """;
    private static final List<String> OPTIMIZERS =
            List.of("sgd", "nesterov", "adagrad", "rmsprop", "adam", "adamax", "nadam", "amsgrad", "adadelta");

    @Test
    void theDenseShorthandIsRebuiltExactly() throws Exception {
        Map<String, Object> params = Map.of("hidden_layers", 2, "units", 17, "activation", "TANH", "dropout", 0.25,
                "optimizer", "adam", "learning_rate", 0.0031, "beta1", 0.87, "l1", 1.0e-5, "l2", 3.3e-4,
                "weight_init", "RELU");
        assertRebuilt(Map.of("Dense", DenseShorthand.configuration(params, 64, 10, 1234567L)));
    }

    @Test
    void aStackOfEveryBlockKindOnImagesIsRebuiltExactly() throws Exception {
        Map<String, Object> params = Map.of("optimizer", "nesterov", "momentum", 0.8, "learning_rate", 0.02,
                "lr_schedule", "step", "lr_decay", 0.5, "lr_step", 3, "l2", 1.0e-4, "weight_init", "XAVIER");
        assertRebuilt(Map.of("Stack", stack(EVERY_BLOCK, params)));
    }

    @Test
    void everyOptimizerWithEachScheduleIsRebuiltExactly() throws Exception {
        Map<String, MultiLayerConfiguration> confs = new LinkedHashMap<>();
        for (String optimizer : OPTIMIZERS) {
            for (String schedule : List.of("none", "exponential", "step")) {
                // adagrad refuses schedules (DL4J drops them); adadelta has no learning rate to schedule
                if (!schedule.equals("none") && (optimizer.equals("adagrad") || optimizer.equals("adadelta"))) continue;
                Map<String, Object> params = Map.of("optimizer", optimizer, "lr_schedule", schedule,
                        "learning_rate", 0.007, "lr_decay", 0.9, "momentum", 0.95, "beta2", 0.99, "epsilon", 1.0e-7,
                        "rms_decay", 0.9, "hidden_layers", 1, "units", 5);
                confs.put(name(optimizer) + name(schedule), DenseShorthand.configuration(params, 4, 3, 9L));
            }
        }
        assertRebuilt(confs);
    }

    @Test
    void everyTasksOutputIsRebuiltExactly() throws Exception {
        Map<String, MultiLayerConfiguration> confs = new LinkedHashMap<>();
        for (String loss : List.of("mse", "mae", "huber")) {
            confs.put("Regression" + name(loss), DenseShorthand.configuration(Map.of("loss", loss, "units", 6), 5, 1, 3L,
                    Task.REGRESSION));
        }
        // training.class_weights: the trainer swaps in a weighted cross-entropy after building the network
        MultiLayerConfiguration weighted = ((BuiltNetwork.Layers) BuiltNetwork.of(DenseShorthand.configuration(
                Map.of("units", 6), 5, 3, 3L, Task.CLASSIFICATION)).withOutputLoss(loss ->
                new LossMCXENT(Nd4j.create(new double[] {0.5, 2.0, 1.25}).reshape(1, 3)))).configuration();
        confs.put("Weighted", weighted);
        assertRebuilt(confs);
    }

    @Test
    void aLayerKindOutsideTune4jsBlocksIsNamedNotWrittenWrong() {
        MultiLayerConfiguration recurrent = new NeuralNetConfiguration.Builder().list()
                .layer(new LSTM.Builder().nIn(3).nOut(4).build())
                .layer(new RnnOutputLayer.Builder().nIn(4).nOut(2).build())
                .build();
        UnsupportedNetworkException refused = assertThrows(UnsupportedNetworkException.class,
                () -> NetworkSource.of(recurrent, "Recurrent", List.of()));
        assertTrue(refused.getMessage().contains("LSTM"), refused.getMessage());
    }

    private static void assertRebuilt(Map<String, MultiLayerConfiguration> confs) throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        confs.forEach((name, conf) -> sources.put(name, NetworkSource.of(conf, name, List.of("test network " + name))));
        CompiledSources compiled = new CompiledSources(sources);
        for (Map.Entry<String, MultiLayerConfiguration> conf : confs.entrySet()) {
            assertEquals(conf.getValue().toJson(), compiled.configuration(conf.getKey()).toJson(),
                    conf.getKey() + ":\n" + sources.get(conf.getKey()));
        }
    }

    static MultiLayerConfiguration stack(String yaml, Map<String, Object> params) {
        BuiltNetwork built = NetworkSectionParser.parse(SpecDocument.parse("test.yaml", yaml).mapping().get("network"), true)
                .definition().build(params, new NetworkContext(InputType.convolutionalFlat(8, 8, 1), 10, 77L));
        return ((BuiltNetwork.Layers) built).configuration();
    }

    private static String name(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
