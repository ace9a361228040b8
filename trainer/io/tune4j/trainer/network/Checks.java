package io.tune4j.trainer.network;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Value checks for params ({@link Hyperparameter}, block params); each returns the reason a value is refused, or empty. */
public final class Checks {
    private Checks() {}

    public static Optional<String> positive(Object value) {
        return number(value).filter(v -> v > 0).isPresent() ? Optional.empty() : Optional.of("must be a number > 0");
    }

    public static Optional<String> nonNegative(Object value) {
        return number(value).filter(v -> v >= 0).isPresent() ? Optional.empty() : Optional.of("must be a number >= 0");
    }

    public static Optional<String> unitInterval(Object value) {
        return number(value).filter(v -> v >= 0 && v <= 1).isPresent()
                ? Optional.empty() : Optional.of("must be a number in [0, 1]");
    }

    public static Optional<String> dropProbability(Object value) {
        return number(value).filter(v -> v >= 0 && v < 1).isPresent()
                ? Optional.empty() : Optional.of("must be a drop probability in [0, 1)");
    }

    public static Optional<String> probabilityOrSwitch(Object value) {
        return value instanceof Boolean || unitInterval(value).isEmpty()
                ? Optional.empty() : Optional.of("must be true, false or a probability in [0, 1]");
    }

    public static Optional<String> halfTurnDegrees(Object value) {
        return number(value).filter(v -> v >= 0 && v <= 180).isPresent()
                ? Optional.empty() : Optional.of("must be a number of degrees in [0, 180]");
    }

    public static Optional<String> positiveInteger(Object value) {
        return value instanceof Integer i && i > 0 ? Optional.empty() : Optional.of("must be an integer > 0");
    }

    public static Optional<String> nonNegativeInteger(Object value) {
        return value instanceof Integer i && i >= 0 ? Optional.empty() : Optional.of("must be an integer >= 0");
    }

    public static Function<Object, Optional<String>> oneOf(String... allowed) {
        List<String> names = List.of(allowed);
        return value -> names.contains(String.valueOf(value))
                ? Optional.empty() : Optional.of("unknown value '" + value + "'; known: " + String.join(", ", names));
    }

    public static Optional<String> bool(Object value) {
        return value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false");
    }

    public static <E extends Enum<E>> Function<Object, Optional<String>> enumName(Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return value -> names.contains(String.valueOf(value).toUpperCase())
                ? Optional.empty()
                : Optional.of("unknown value '" + value + "'; known: " + String.join(", ", names));
    }

    private static Optional<Double> number(Object value) {
        return value instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }
}
