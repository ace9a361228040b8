package io.tune4j.trainer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tune4j.trainer.OfflineDl4j;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * The configuration is not what trains: {@code init()} gives every layer a clone of the updater, and a saved
 * model is rebuilt from JSON. DL4J M2.1's AdaGrad.clone() loses its schedule, so for every optimizer and
 * schedule this reads the settings back from each live layer and from the reloaded model.
 */
class UpdaterSurvivesNetworkTest {
    private static final List<String> OPTIMIZERS =
            List.of("sgd", "nesterov", "adagrad", "rmsprop", "adam", "adamax", "nadam", "amsgrad", "adadelta");
    private static final List<String> SCHEDULES = List.of("none", "exponential", "step");

    @TempDir
    Path dir;

    @BeforeAll
    static void noDownloads() {
        OfflineDl4j.refuseDownloads();
    }

    @Test
    void everyOptimizerAndScheduleReachesEveryLayerAndASavedModel() throws Exception {
        for (String optimizer : OPTIMIZERS) {
            for (String schedule : SCHEDULES) {
                Map<String, Object> params = new HashMap<>(Map.of("learning_rate", 0.02, "lr_decay", 0.5,
                        "lr_step", 2, "momentum", 0.81, "beta1", 0.85, "beta2", 0.97, "epsilon", 1e-6,
                        "rms_decay", 0.88, "hidden_layers", 2));
                params.put("optimizer", optimizer);
                params.put("lr_schedule", schedule);
                String label = optimizer + " with lr_schedule " + schedule;
                if (optimizer.equals("adagrad") && !schedule.equals("none")) {
                    assertThrows(IllegalArgumentException.class, () -> DenseShorthand.configuration(params, 4, 3, 1), label);
                    continue;
                }
                MultiLayerNetwork network = new MultiLayerNetwork(DenseShorthand.configuration(params, 4, 3, 1));
                network.init();
                Map<String, Object> expected = expected(optimizer, schedule);
                assertEquals(expected, settingsOfEveryLayer(network), label);

                Path saved = dir.resolve(optimizer + "-" + schedule + ".zip");
                ModelSerializer.writeModel(network, saved.toFile(), true);
                assertEquals(expected, settingsOfEveryLayer(ModelSerializer.restoreMultiLayerNetwork(saved.toFile(), true)),
                        label + " after save and reload");
            }
        }
    }

    /** What the params above ask for; learning rates for epochs 0..4 show the schedule's effect. */
    private static Map<String, Object> expected(String optimizer, String schedule) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("type", optimizer);
        if (!optimizer.equals("adadelta")) {
            settings.put("lr by epoch", switch (schedule) {
                case "exponential" -> List.of(0.02, 0.01, 0.005, 0.0025, 0.00125);
                case "step" -> List.of(0.02, 0.02, 0.01, 0.01, 0.005);
                default -> List.of(0.02, 0.02, 0.02, 0.02, 0.02);
            });
        }
        switch (optimizer) {
            case "nesterov" -> settings.put("momentum", 0.81);
            case "adagrad" -> settings.put("epsilon", 1e-6);
            case "rmsprop" -> {
                settings.put("rms_decay", 0.88);
                settings.put("epsilon", 1e-6);
            }
            case "adam", "adamax", "nadam", "amsgrad" -> {
                settings.put("beta1", 0.85);
                settings.put("beta2", 0.97);
                settings.put("epsilon", 1e-6);
            }
            default -> { } // sgd has only its rate; adadelta not even that: it adapts its own step size
        }
        return settings;
    }

    /** The settings of the first layer's updater, after checking every layer carries the same ones. */
    private static Map<String, Object> settingsOfEveryLayer(MultiLayerNetwork network) {
        Map<String, Object> first = null;
        for (Layer layer : network.getLayers()) {
            Map<String, Object> settings = settings(((BaseLayer) layer.conf().getLayer()).getIUpdater());
            if (first == null) first = settings;
            assertEquals(first, settings, "layer " + layer.getIndex());
        }
        return first;
    }

    private static Map<String, Object> settings(IUpdater updater) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("type", switch (updater.getClass().getSimpleName()) {
            case "Nesterovs" -> "nesterov";
            default -> updater.getClass().getSimpleName().toLowerCase();
        });
        if (updater.hasLearningRate()) {
            settings.put("lr by epoch", List.of(lr(updater, 0), lr(updater, 1), lr(updater, 2), lr(updater, 3),
                    lr(updater, 4)));
        }
        if (updater instanceof Nesterovs n) settings.put("momentum", n.getMomentum());
        if (updater instanceof AdaGrad a) settings.put("epsilon", a.getEpsilon());
        if (updater instanceof RmsProp r) {
            settings.put("rms_decay", r.getRmsDecay());
            settings.put("epsilon", r.getEpsilon());
        }
        if (updater instanceof Adam a) moments(settings, a.getBeta1(), a.getBeta2(), a.getEpsilon());
        if (updater instanceof AdaMax a) moments(settings, a.getBeta1(), a.getBeta2(), a.getEpsilon());
        if (updater instanceof Nadam a) moments(settings, a.getBeta1(), a.getBeta2(), a.getEpsilon());
        if (updater instanceof AMSGrad a) moments(settings, a.getBeta1(), a.getBeta2(), a.getEpsilon());
        return settings;
    }

    private static void moments(Map<String, Object> settings, double beta1, double beta2, double epsilon) {
        settings.put("beta1", beta1);
        settings.put("beta2", beta2);
        settings.put("epsilon", epsilon);
    }

    /** Rounded so that 0.02 * 0.5^3 compares equal to the literal 0.0025. */
    private static double lr(IUpdater updater, int epoch) {
        return Math.round(updater.getLearningRate(0, epoch) * 1e12) / 1e12;
    }
}
