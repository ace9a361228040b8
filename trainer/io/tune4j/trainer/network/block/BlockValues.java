package io.tune4j.trainer.network.block;

import io.tune4j.trainer.data.Task;
import java.util.Optional;
import org.nd4j.linalg.activations.Activation;

/** The settings of one layer a block adds, each already checked against its {@link BlockParam}. */
public interface BlockValues {
    /** The value of {@code key}, or empty when it was not given and has no default. */
    Optional<Object> find(String key);

    /** How many values the network outputs: classes, or 1 for regression (what an output layer needs). */
    int outputs();

    /** What the network predicts (what an output layer needs). */
    Task task();

    default Object get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("param '" + key + "' has no value"));
    }

    default int integer(String key) {
        return ((Number) get(key)).intValue();
    }

    default double number(String key) {
        return ((Number) get(key)).doubleValue();
    }

    default String text(String key) {
        return String.valueOf(get(key));
    }

    default Activation activation() {
        return Activation.valueOf(text("activation").toUpperCase());
    }

    /** DL4J takes the probability to RETAIN an input; a space declares the probability to drop it. */
    default double retain(String key) {
        return 1.0 - number(key);
    }
}
