package io.tune4j.trainer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInitRelu;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.StepSchedule;

/** Every sampled value must reach the DL4J configuration exactly: the bug class of Arbiter's AdamSpace(lr). */
class DenseShorthandTest {

    @Test
    void layersUnitsActivationInitializerAndRegularizationReachEveryLayer() {
        Map<String, Object> params = new HashMap<>(Map.of("hidden_layers", 3, "units", 37, "activation", "TANH",
                "weight_init", "RELU", "l1", 1e-5, "l2", 3e-4));
        MultiLayerConfiguration conf = DenseShorthand.configuration(params, 64, 10, 7);
        assertEquals(4, conf.getConfs().size());
        assertEquals(7, conf.getConf(0).getSeed());
        for (int i = 0; i < 3; i++) {
            DenseLayer dense = (DenseLayer) conf.getConf(i).getLayer();
            assertEquals(i == 0 ? 64 : 37, dense.getNIn());
            assertEquals(37, dense.getNOut());
            assertInstanceOf(ActivationTanH.class, dense.getActivationFn());
            assertInstanceOf(WeightInitRelu.class, dense.getWeightInitFn());
            assertEquals(1e-5, coefficient(dense.getRegularization(), L1Regularization.class));
            assertEquals(3e-4, coefficient(dense.getRegularization(), L2Regularization.class));
        }
        OutputLayer output = (OutputLayer) conf.getConf(3).getLayer();
        assertEquals(37, output.getNIn());
        assertEquals(10, output.getNOut());
    }

    @Test
    void dropoutIsTheDropProbabilityAppliedAfterEachHiddenLayer() {
        MultiLayerConfiguration conf = DenseShorthand.configuration(Map.of("hidden_layers", 2, "dropout", 0.3), 4, 3, 1);
        assertNull(((BaseLayer) conf.getConf(0).getLayer()).getIDropout(), "raw inputs are not dropped");
        for (int i = 1; i < 3; i++) {
            Dropout dropout = (Dropout) ((BaseLayer) conf.getConf(i).getLayer()).getIDropout();
            assertEquals(0.7, dropout.getP(), 1e-12, "DL4J's p is the probability to retain");
        }
        MultiLayerConfiguration none = DenseShorthand.configuration(Map.of("hidden_layers", 2, "dropout", 0.0), 4, 3, 1);
        assertNull(((BaseLayer) none.getConf(2).getLayer()).getIDropout());
    }

    @Test
    void everyOptimizerGetsItsOwnSampledSettings() {
        Adam adam = (Adam) updater(Map.of("optimizer", "adam", "learning_rate", 0.02, "beta1", 0.85, "beta2", 0.97,
                "epsilon", 1e-6));
        assertEquals(0.02, adam.getLearningRate(0, 0), 1e-12);
        assertEquals(0.85, adam.getBeta1());
        assertEquals(0.97, adam.getBeta2());
        assertEquals(1e-6, adam.getEpsilon());

        Adam defaults = (Adam) updater(Map.of("optimizer", "adam"));
        assertEquals(0.9, defaults.getBeta1(), "not Arbiter's 0.001");
        assertEquals(0.999, defaults.getBeta2());
        assertEquals(1e-8, defaults.getEpsilon());

        Nesterovs nesterov = (Nesterovs) updater(Map.of("optimizer", "nesterov", "learning_rate", 0.1, "momentum", 0.81));
        assertEquals(0.81, nesterov.getMomentum());
        assertEquals(0.1, nesterov.getLearningRate(0, 0), 1e-12);

        RmsProp rmsProp = (RmsProp) updater(Map.of("optimizer", "rmsprop", "rms_decay", 0.9, "epsilon", 1e-7));
        assertEquals(0.9, rmsProp.getRmsDecay());
        assertEquals(1e-7, rmsProp.getEpsilon());

        AdaGrad adaGrad = (AdaGrad) updater(Map.of("optimizer", "adagrad", "epsilon", 1e-5));
        assertEquals(1e-5, adaGrad.getEpsilon());

        AdaMax adaMax = (AdaMax) updater(Map.of("optimizer", "adamax", "beta1", 0.8));
        assertEquals(0.8, adaMax.getBeta1());

        assertInstanceOf(Sgd.class, updater(Map.of("optimizer", "sgd")));
        for (String name : List.of("nadam", "amsgrad", "adadelta")) {
            assertTrue(updater(Map.of("optimizer", name)).getClass().getSimpleName().equalsIgnoreCase(name));
        }
    }

    @Test
    void learningRateSchedulesDecayByEpoch() {
        Adam exponential = (Adam) updater(Map.of("optimizer", "adam", "learning_rate", 0.1,
                "lr_schedule", "exponential", "lr_decay", 0.5));
        assertInstanceOf(ExponentialSchedule.class, exponential.getLearningRateSchedule());
        assertEquals(0.025, exponential.getLearningRate(0, 2), 1e-12);

        Sgd step = (Sgd) updater(Map.of("optimizer", "sgd", "learning_rate", 0.1, "lr_schedule", "step",
                "lr_decay", 0.1, "lr_step", 3));
        assertInstanceOf(StepSchedule.class, step.getLearningRateSchedule());
        assertEquals(0.1, step.getLearningRate(0, 2), 1e-12);
        assertEquals(0.01, step.getLearningRate(0, 3), 1e-12);
    }

    @Test
    void theConfigurationSurvivesDl4jsJsonRoundTrip() {
        MultiLayerConfiguration conf = DenseShorthand.configuration(Map.of("optimizer", "adam", "beta1", 0.85,
                "hidden_layers", 2, "dropout", 0.2, "lr_schedule", "exponential"), 8, 3, 11);
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()));
    }

    @Test
    void anUnknownValueIsRefusedNamingTheParamAndTheKnownValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenseShorthand.configuration(Map.of("optimizer", "lion"), 4, 3, 1));
        assertTrue(e.getMessage().contains("optimizer") && e.getMessage().contains("adam"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DenseShorthand.configuration(Map.of("weight_init", "MAGIC"), 4, 3, 1));
    }

    private static IUpdater updater(Map<String, Object> params) {
        return ((BaseLayer) DenseShorthand.configuration(params, 4, 3, 1).getConf(0).getLayer()).getIUpdater();
    }

    private static double coefficient(List<Regularization> regularizations, Class<?> type) {
        for (Regularization r : regularizations) {
            if (type.isInstance(r)) {
                return r instanceof L1Regularization l1 ? l1.getL1().valueAt(0, 0)
                        : ((L2Regularization) r).getL2().valueAt(0, 0);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + regularizations);
    }
}
