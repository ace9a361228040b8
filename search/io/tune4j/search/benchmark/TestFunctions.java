package io.tune4j.search.benchmark;

import java.util.List;

/** The test functions {@code bench samplers} knows, by name. */
public final class TestFunctions {
    public static final List<String> NAMES = List.of("branin", "hartmann6", "rosenbrock4", "mixed");

    private TestFunctions() {}

    public static TestFunction byName(String name) {
        return switch (name) {
            case "branin" -> new Branin();
            case "hartmann6" -> new Hartmann6();
            case "rosenbrock4" -> new Rosenbrock(4);
            case "mixed" -> new MixedSpaceFunction();
            default -> throw new IllegalArgumentException(
                    "unknown function '" + name + "'; known: " + String.join(", ", NAMES));
        };
    }
}
