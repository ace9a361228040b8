package io.tune4j.trainer.export;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.StepSchedule;
import org.nd4j.shade.jackson.core.JsonProcessingException;

/**
 * Java source text for the values of a DL4J configuration (numbers, enums, activations, schedules, dropout), and
 * the imports that text needs. Every number is written in its shortest exact form (Double.toString round-trips),
 * so the rebuilt configuration's JSON equals the original's, digit for digit.
 */
final class JavaExpressions {
    private final Set<String> imports = new TreeSet<>();

    /** The import lines the expressions made so far need, sorted. */
    String importLines() {
        return imports.stream().map(name -> "import " + name + ";\n").collect(Collectors.joining());
    }

    /** The name of {@code type} as the source spells it (Outer.Inner for a nested class), imported. */
    String type(Class<?> type) {
        Class<?> outer = type;
        String name = type.getSimpleName();
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
            name = outer.getSimpleName() + "." + name;
        }
        imports.add(outer.getName());
        return name;
    }

    static String number(double value) {
        if (Double.isNaN(value)) return "Double.NaN";
        if (Double.isInfinite(value)) return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        return Double.toString(value);
    }

    static String number(long value) {
        return value + "L";
    }

    static String ints(int... values) {
        return Arrays.stream(values).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    }

    static String text(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    String constant(Enum<?> value) {
        return type(value.getDeclaringClass()) + "." + value.name();
    }

    /** The {@link Activation} whose function equals {@code function}, e.g. {@code Activation.RELU}. */
    String activation(IActivation function) {
        return constant(matching(Activation.values(), Activation::getActivationFunction, function, "activation"));
    }

    /** The {@link WeightInit} whose function equals {@code function}, e.g. {@code WeightInit.XAVIER}. */
    String weightInit(IWeightInit function) {
        return constant(matching(WeightInit.values(), w -> w.getWeightInitFunction(), function, "weight initializer"));
    }

    /**
     * The loss as an output layer's builder takes it: a {@link LossFunction} constant when one has this loss,
     * softmax cross-entropy with its class weights (training.class_weights), or the loss class's own
     * constructor (Huber, which has no constant).
     */
    String loss(ILossFunction loss) {
        for (LossFunction named : LossFunction.values()) {
            if (same(named.getILossFunction(), loss)) return constant(named);
        }
        if (loss instanceof LossMCXENT weighted && weighted.getWeights() != null
                && same(new LossMCXENT(weighted.getWeights()), loss)) {
            double[] weights = weighted.getWeights().toDoubleVector();
            return "new " + type(LossMCXENT.class) + "(" + type(Nd4j.class) + ".create(new double[] {"
                    + Arrays.stream(weights).mapToObj(JavaExpressions::number).collect(Collectors.joining(", "))
                    + "}).reshape(" + ints(Arrays.stream(weighted.getWeights().shape()).mapToInt(d -> (int) d).toArray())
                    + "))";
        }
        try {
            if (same(loss.getClass().getConstructor().newInstance(), loss)) return "new " + type(loss.getClass()) + "()";
        } catch (ReflectiveOperationException e) {
            // no public no-argument constructor: named below as not written
        }
        throw new UnsupportedNetworkException("loss function " + loss + " (named DL4J losses, class-weighted"
                + " cross-entropy and losses at their defaults are written)");
    }

    /** The retain probability a builder's {@code dropOut(double)} takes; only DL4J's plain {@link Dropout} has one. */
    static String dropout(IDropout dropout) {
        if (dropout instanceof Dropout plain && plain.getPSchedule() == null) return number(plain.getP());
        throw new UnsupportedNetworkException("dropout " + dropout + " (only a fixed DL4J Dropout is written)");
    }

    String schedule(ISchedule schedule) {
        if (schedule instanceof FixedSchedule fixed) {
            return "new " + type(FixedSchedule.class) + "(" + number(fixed.getValue()) + ")";
        }
        if (schedule instanceof ExponentialSchedule exponential) {
            return "new " + type(ExponentialSchedule.class) + "(" + constant(exponential.getScheduleType()) + ", "
                    + number(exponential.getInitialValue()) + ", " + number(exponential.getGamma()) + ")";
        }
        if (schedule instanceof StepSchedule step) {
            return "new " + type(StepSchedule.class) + "(" + constant(step.getScheduleType()) + ", "
                    + number(step.getInitialValue()) + ", " + number(step.getDecayRate()) + ", "
                    + number(step.getStep()) + ")";
        }
        throw new UnsupportedNetworkException("schedule " + schedule.getClass().getSimpleName()
                + " (fixed, exponential and step schedules are written)");
    }

    /**
     * Whether two configuration values are the same as DL4J writes them: by their JSON, since not every DL4J
     * class defines equals (and the JSON is what "the same configuration" means here).
     */
    static boolean same(Object a, Object b) {
        if (a == null || b == null) return a == b;
        return json(a).equals(json(b));
    }

    private static String json(Object value) {
        try {
            return NeuralNetConfiguration.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("DL4J cannot write " + value + " as JSON", e);
        }
    }

    private static <E extends Enum<E>, V> E matching(E[] constants, Function<E, V> valueOf, V wanted,
                                                    String what) {
        for (E constant : constants) {
            V value;
            try {
                value = valueOf.apply(constant);
            } catch (RuntimeException e) {
                continue; // e.g. WeightInit.DISTRIBUTION, which needs a distribution to make its function
            }
            if (same(value, wanted)) return constant;
        }
        throw new UnsupportedNetworkException(what + " " + Objects.toString(wanted) + " (only DL4J's named "
                + what + "s are written)");
    }
}
