package io.tune4j.search.space;

import java.util.Optional;

/**
 * One dimension of a search space. Every parameter maps a point u of the unit interval to a value of its
 * domain and back, so samplers (random, Sobol, TPE, GP) can all work on the unit hypercube.
 */
public interface Parameter {

    /** The key this parameter's value has in a trial's params. */
    String name();

    /** The value at position {@code unit} (0 &lt;= unit &lt; 1) of this parameter's domain. */
    Object fromUnit(double unit);

    /** The position of {@code value} in the unit interval; the inverse of {@link #fromUnit(double)}. */
    double toUnit(Object value);

    /** True when {@code value} belongs to this parameter's domain (type, bounds, choices). */
    boolean contains(Object value);

    /** A short human description, e.g. {@code log_uniform [1.0E-4, 0.1]}. */
    String describe();

    /** The parent value this parameter depends on; empty for an unconditional parameter. */
    Optional<Condition> condition();

    /** A copy of this parameter that only exists under {@code condition}. */
    Parameter when(Condition condition);
}
