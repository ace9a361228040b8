package io.tune4j.trainer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * Samples a space over every hyperparameter many times, builds each network, and reads every value back
 * out of the DL4J configuration: nothing sampled may be lost or bent on the way (cf. Arbiter's AdamSpace).
 */
class SampledParamsReachNetworkTest {
    private static final SearchSpace EVERYTHING = SearchSpace.builder()
            .logUniform("learning_rate", 1e-4, 1e-1)
            .choice("lr_schedule", "none", "exponential", "step")
            .when("lr_schedule", "exponential", b -> b.uniform("lr_decay", 0.8, 0.99))
            .when("lr_schedule", "step", b -> b.uniform("lr_decay", 0.1, 0.9).integer("lr_step", 1, 5))
            .choice("weight_init", "XAVIER", "RELU", "LECUN_NORMAL", "UNIFORM")
            .logUniform("l1", 1e-7, 1e-3)
            .logUniform("l2", 1e-7, 1e-3)
            .uniform("dropout", 0.0, 0.6)
            .choice("optimizer", "sgd", "nesterov", "adagrad", "rmsprop", "adam", "adamax")
            .when("optimizer", "nesterov", b -> b.uniform("momentum", 0.5, 0.99))
            .when("optimizer", "adagrad", b -> b.logUniform("epsilon", 1e-8, 1e-4))
            .when("optimizer", "rmsprop", b -> b.uniform("rms_decay", 0.8, 0.99))
            .when("optimizer", "adam", b -> b.uniform("beta1", 0.8, 0.95).uniform("beta2", 0.99, 0.9999))
            .when("optimizer", "adamax", b -> b.uniform("beta1", 0.8, 0.95))
            .integer("hidden_layers", 1, 3)
            .integerLog("units", 8, 256)
            .choice("activation", "RELU", "TANH", "LEAKYRELU", "ELU")
            .build();

    @Test
    void everySampledValueIsReadBackFromTheBuiltConfiguration() {
        RandomSampler sampler = new RandomSampler(2024);
        for (int n = 0; n < 300; n++) {
            Map<String, Object> params = sampler.suggest(
                    new SamplingContext(EVERYTHING, Direction.MAXIMIZE, n, List.of(), List.of()));
            if (params.get("optimizer").equals("adagrad") && !params.get("lr_schedule").equals("none")) {
                // Refused on purpose: DL4J M2.1 loses AdaGrad's schedule (see UpdaterFactory).
                assertThrows(IllegalArgumentException.class, () -> DenseShorthand.configuration(params, 10, 3, 1));
                continue;
            }
            MultiLayerConfiguration conf = DenseShorthand.configuration(params, 10, 3, n);
            Map<String, Object> readBack = readBack(conf);
            for (Map.Entry<String, Object> param : params.entrySet()) {
                Object expected = param.getValue();
                Object actual = readBack.get(param.getKey());
                if (expected instanceof Double d) {
                    assertEquals(d, (Double) actual, Math.abs(d) * 1e-12, param.getKey() + " of " + params);
                } else {
                    assertEquals(expected, actual, param.getKey() + " of " + params);
                }
            }
        }
    }

    /** What the configuration itself says, in the space's vocabulary. */
    private static Map<String, Object> readBack(MultiLayerConfiguration conf) {
        Map<String, Object> values = new HashMap<>();
        int hidden = conf.getConfs().size() - 1;
        values.put("hidden_layers", hidden);
        DenseLayer first = (DenseLayer) conf.getConf(0).getLayer();
        values.put("units", (int) first.getNOut());
        values.put("activation", activationName(first));
        values.put("weight_init", weightInitName(first));
        for (Regularization r : first.getRegularization()) {
            if (r instanceof L1Regularization l1) values.put("l1", l1.getL1().valueAt(0, 0));
            if (r instanceof L2Regularization l2) values.put("l2", l2.getL2().valueAt(0, 0));
        }
        BaseLayer output = (BaseLayer) conf.getConf(hidden).getLayer();
        values.put("dropout", output.getIDropout() == null ? 0.0 : 1.0 - ((Dropout) output.getIDropout()).getP());
        IUpdater updater = first.getIUpdater();
        values.put("optimizer", switch (updater.getClass().getSimpleName()) {
            case "Nesterovs" -> "nesterov";
            default -> updater.getClass().getSimpleName().toLowerCase();
        });
        values.put("learning_rate", updater.getLearningRate(0, 0));
        readSchedule(updater, values);
        if (updater instanceof Nesterovs nesterovs) values.put("momentum", nesterovs.getMomentum());
        if (updater instanceof AdaGrad adaGrad) values.put("epsilon", adaGrad.getEpsilon());
        if (updater instanceof RmsProp rmsProp) values.put("rms_decay", rmsProp.getRmsDecay());
        if (updater instanceof Adam adam) {
            values.put("beta1", adam.getBeta1());
            values.put("beta2", adam.getBeta2());
        }
        if (updater instanceof AdaMax adaMax) values.put("beta1", adaMax.getBeta1());
        return values;
    }

    private static void readSchedule(IUpdater updater, Map<String, Object> values) {
        // The schedule's own fields are private; its effect on epochs 1 and 2 (and at lr_step) is what counts.
        double lr = updater.getLearningRate(0, 0);
        Object schedule = scheduleOf(updater);
        if (schedule instanceof ExponentialSchedule) {
            values.put("lr_schedule", "exponential");
            values.put("lr_decay", updater.getLearningRate(0, 1) / lr);
        } else if (schedule instanceof StepSchedule) {
            values.put("lr_schedule", "step");
            int step = 1;
            while (updater.getLearningRate(0, step) == lr) step++;
            values.put("lr_step", step);
            values.put("lr_decay", updater.getLearningRate(0, step) / lr);
        } else {
            values.put("lr_schedule", updater.getLearningRate(0, 50) == lr ? "none" : "an undeclared decay");
        }
    }

    private static Object scheduleOf(IUpdater updater) {
        if (updater instanceof Adam a) return a.getLearningRateSchedule();
        if (updater instanceof AdaMax a) return a.getLearningRateSchedule();
        if (updater instanceof Nesterovs a) return a.getLearningRateSchedule();
        if (updater instanceof AdaGrad a) return a.getLearningRateSchedule();
        if (updater instanceof RmsProp a) return a.getLearningRateSchedule();
        if (updater instanceof org.nd4j.linalg.learning.config.Sgd a) return a.getLearningRateSchedule();
        throw new AssertionError("no schedule reader for " + updater);
    }

    private static String activationName(DenseLayer layer) {
        for (Activation activation : Activation.values()) {
            if (activation.getActivationFunction().getClass().equals(layer.getActivationFn().getClass())) {
                return activation.name();
            }
        }
        throw new AssertionError("unknown activation " + layer.getActivationFn());
    }

    private static String weightInitName(DenseLayer layer) {
        for (WeightInit init : List.of(WeightInit.XAVIER, WeightInit.RELU, WeightInit.LECUN_NORMAL, WeightInit.UNIFORM)) {
            if (init.getWeightInitFunction().getClass().equals(layer.getWeightInitFn().getClass())) return init.name();
        }
        throw new AssertionError("unknown weight init " + layer.getWeightInitFn());
    }
}
