package io.tune4j.trainer.network;

import static io.tune4j.trainer.network.Hyperparameter.L1;
import static io.tune4j.trainer.network.Hyperparameter.L2;
import static io.tune4j.trainer.network.Hyperparameter.WEIGHT_INIT;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;

/**
 * The settings every network of a study shares, read from a trial's params: seed, optimizer with its learning
 * rate and schedule, weight initializer, L1 and L2. Built-in networks start from it, and a user's
 * {@link NetworkDefinition} may too, so that {@code learning_rate} or {@code optimizer} in its space mean what
 * they mean everywhere else.
 */
public final class StandardSettings {
    private StandardSettings() {}

    public static NeuralNetConfiguration.Builder builder(Map<String, Object> params, long seed) {
        NetworkParams p = new NetworkParams(params);
        return TrainingPerformance.apply(new NeuralNetConfiguration.Builder())
                .seed(seed)
                .updater(UpdaterFactory.create(p))
                .weightInit(WeightInit.valueOf(p.text(WEIGHT_INIT).toUpperCase()))
                .l1(p.number(L1))
                .l2(p.number(L2));
    }
}
