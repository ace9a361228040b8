package io.tune4j.trainer.network;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/**
 * The vocabulary of a DL4J study's space: every param name a space may declare, its default when a space
 * leaves it out, and which values it accepts. The space file is checked against this list before anything
 * runs, and the network factory reads params only through these names.
 */
public enum Hyperparameter implements ParamRule {
    LEARNING_RATE("learning_rate", 1e-3, Checks::positive),
    LR_SCHEDULE("lr_schedule", "none", Checks.oneOf("none", "exponential", "step")),
    /** Multiplier per epoch (exponential) or per step (step) of the learning rate. */
    LR_DECAY("lr_decay", 0.95, Checks::unitInterval),
    /** Epochs between two decays of the step schedule. */
    LR_STEP("lr_step", 10, Checks::positiveInteger),
    BATCH_SIZE("batch_size", 32, Checks::positiveInteger),
    EPOCHS("epochs", null, Checks::positiveInteger),
    WEIGHT_INIT("weight_init", "XAVIER", Checks.enumName(WeightInit.class)),
    L1("l1", 0.0, Checks::nonNegative),
    L2("l2", 0.0, Checks::nonNegative),
    /** Probability of dropping a unit (the Keras convention); DL4J's own dropOut takes the retain probability. */
    DROPOUT("dropout", 0.0, Checks::dropProbability),
    OPTIMIZER("optimizer", "adam", Checks.oneOf("sgd", "nesterov", "adagrad", "rmsprop", "adam", "adamax",
            "nadam", "amsgrad", "adadelta")),
    MOMENTUM("momentum", 0.9, Checks::unitInterval),
    BETA1("beta1", 0.9, Checks::unitInterval),
    BETA2("beta2", 0.999, Checks::unitInterval),
    EPSILON("epsilon", 1e-8, Checks::positive),
    RMS_DECAY("rms_decay", 0.95, Checks::unitInterval),
    HIDDEN_LAYERS("hidden_layers", 1, Checks::nonNegativeInteger),
    UNITS("units", 64, Checks::positiveInteger),
    ACTIVATION("activation", "RELU", Checks.enumName(Activation.class)),
    /** A regression network's training loss; a classifier's is always cross-entropy. */
    LOSS("loss", "mse", Checks.oneOf(OutputLayers.LOSSES.toArray(String[]::new))),
    /** Probability of flipping a training image left to right; true is 0.5 (Keras's horizontal_flip). */
    AUGMENT_FLIP("augment_flip", 0.0, Checks::probabilityOrSwitch),
    /** Largest shift of a training image, as a fraction of its height and width, either way. */
    AUGMENT_SHIFT("augment_shift", 0.0, Checks::unitInterval),
    /** Largest rotation of a training image, in degrees either way. */
    AUGMENT_ROTATION("augment_rotation", 0.0, Checks::halfTurnDegrees);

    private final String key;
    private final Object defaultValue;
    private final Function<Object, Optional<String>> check;

    Hyperparameter(String key, Object defaultValue, Function<Object, Optional<String>> check) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.check = check;
    }

    /**
     * The optimizers this setting belongs to, or empty when it applies to every network. DL4J has no
     * heavy-ball momentum SGD: momentum is Nesterov's.
     */
    public List<String> optimizers() {
        return switch (this) {
            case MOMENTUM -> List.of("nesterov");
            case BETA1, BETA2 -> List.of("adam", "adamax", "nadam", "amsgrad");
            case RMS_DECAY -> List.of("rmsprop");
            case EPSILON -> List.of("adagrad", "rmsprop", "adam", "adamax", "nadam", "amsgrad");
            default -> List.of();
        };
    }

    /** The name used in space files and in a trial's params. */
    @Override
    public String key() {
        return key;
    }

    /** The value a network gets when its space does not declare this parameter (null: no default). */
    public Object defaultValue() {
        return defaultValue;
    }

    /** Why {@code value} cannot be used for this parameter, or empty when it can. */
    @Override
    public Optional<String> problemWith(Object value) {
        return check.apply(value);
    }

    public static Optional<Hyperparameter> byKey(String key) {
        return Arrays.stream(values()).filter(h -> h.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Hyperparameter::key).toList();
    }
}
