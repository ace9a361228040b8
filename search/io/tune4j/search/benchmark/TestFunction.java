package io.tune4j.search.benchmark;

import io.tune4j.search.space.SearchSpace;
import java.util.Map;

/**
 * A function with a known global minimum, for measuring samplers by simple regret (best value found minus
 * that minimum) without training anything.
 */
public interface TestFunction {

    String name();

    SearchSpace space();

    double value(Map<String, Object> params);

    /** The global minimum over {@link #space()}. */
    double minimum();
}
