package io.tune4j.search.space;

import java.util.Optional;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.distribution.LogUniformDistribution;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;

/**
 * An integer parameter on [low, high], uniform or log-uniform. The log variant samples a log-uniform real on
 * [low - 0.5, high + 0.5] and rounds, so every integer gets the width of its own unit cell on the log scale.
 */
public final class IntParameter implements Parameter {
    private final String name;
    private final int low;
    private final int high;
    private final boolean log;
    private final Condition condition;
    private final ParameterSpace<?> arbiterSpace;
    private final LogUniformDistribution logDistribution;

    public IntParameter(String name, int low, int high, boolean log) {
        this(name, low, high, log, null);
    }

    private IntParameter(String name, int low, int high, boolean log, Condition condition) {
        Bounds.check(name, low, high + (log ? 0 : 1), log);
        this.name = name;
        this.low = low;
        this.high = high;
        this.log = log;
        this.condition = condition;
        this.logDistribution = log ? new LogUniformDistribution(low - 0.5, high + 0.5) : null;
        this.arbiterSpace = log ? new ContinuousParameterSpace(logDistribution) : new IntegerParameterSpace(low, high);
        arbiterSpace.setIndices(0);
    }

    public int low() { return low; }

    public int high() { return high; }

    public boolean log() { return log; }

    @Override public String name() { return name; }

    @Override
    public Object fromUnit(double unit) {
        Object raw = arbiterSpace.getValue(new double[] {Bounds.clampUnit(unit)});
        long value = Math.round(((Number) raw).doubleValue());
        return (int) Math.min(high, Math.max(low, value));
    }

    @Override
    public double toUnit(Object value) {
        int v = ((Number) value).intValue();
        if (log) return logDistribution.cumulativeProbability(v);
        return (v - low + 0.5) / (high - low + 1.0);
    }

    /**
     * The stretch of the unit interval that maps to {@code value}: samplers that model densities on the unit
     * interval give an integer the probability mass of its whole cell.
     */
    public double[] unitCell(int value) {
        if (log) {
            return new double[] {logDistribution.cumulativeProbability(value - 0.5),
                    logDistribution.cumulativeProbability(value + 0.5)};
        }
        double width = 1.0 / (high - low + 1.0);
        return new double[] {(value - low) * width, (value - low + 1) * width};
    }

    @Override
    public boolean contains(Object value) {
        return value instanceof Integer i && i >= low && i <= high;
    }

    @Override
    public String describe() {
        return (log ? "int_log" : "int") + " [" + low + ", " + high + "]";
    }

    @Override public Optional<Condition> condition() { return Optional.ofNullable(condition); }

    @Override
    public Parameter when(Condition condition) {
        return new IntParameter(name, low, high, log, condition);
    }
}
