package io.tune4j.search.space;

import java.util.Optional;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.deeplearning4j.arbiter.optimize.distribution.LogUniformDistribution;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;

/** A real-valued parameter, uniform or log-uniform on [low, high]; the mapping is Arbiter's. */
public final class FloatParameter implements Parameter {
    private final String name;
    private final double low;
    private final double high;
    private final boolean log;
    private final Condition condition;
    private final RealDistribution distribution;
    private final ContinuousParameterSpace arbiterSpace;

    public FloatParameter(String name, double low, double high, boolean log) {
        this(name, low, high, log, null);
    }

    private FloatParameter(String name, double low, double high, boolean log, Condition condition) {
        Bounds.check(name, low, high, log);
        this.name = name;
        this.low = low;
        this.high = high;
        this.log = log;
        this.condition = condition;
        this.distribution = log ? new LogUniformDistribution(low, high) : new UniformRealDistribution(low, high);
        this.arbiterSpace = new ContinuousParameterSpace(distribution);
        arbiterSpace.setIndices(0);
    }

    public double low() { return low; }

    public double high() { return high; }

    public boolean log() { return log; }

    @Override public String name() { return name; }

    @Override
    public Object fromUnit(double unit) {
        double value = arbiterSpace.getValue(new double[] {Bounds.clampUnit(unit)});
        return Math.min(high, Math.max(low, value));
    }

    @Override
    public double toUnit(Object value) {
        return distribution.cumulativeProbability(((Number) value).doubleValue());
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof Double d)) return false;
        return d >= low && d <= high;
    }

    @Override
    public String describe() {
        return (log ? "log_uniform" : "uniform") + " [" + low + ", " + high + "]";
    }

    @Override public Optional<Condition> condition() { return Optional.ofNullable(condition); }

    @Override
    public Parameter when(Condition condition) {
        return new FloatParameter(name, low, high, log, condition);
    }
}
