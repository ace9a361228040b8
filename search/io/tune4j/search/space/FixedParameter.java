package io.tune4j.search.space;

import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;

/** A parameter with one value: part of every trial's params, never searched. */
public final class FixedParameter implements Parameter {
    private final String name;
    private final Object value;
    private final Condition condition;
    private final FixedValue<Object> arbiterSpace;

    public FixedParameter(String name, Object value) {
        this(name, value, null);
    }

    private FixedParameter(String name, Object value, Condition condition) {
        this.name = name;
        this.value = Objects.requireNonNull(value, "value of " + name);
        this.condition = condition;
        this.arbiterSpace = new FixedValue<>(value);
    }

    public Object value() { return value; }

    @Override public String name() { return name; }

    @Override
    public Object fromUnit(double unit) {
        return arbiterSpace.getValue(new double[0]);
    }

    @Override
    public double toUnit(Object value) {
        return 0.5;
    }

    @Override
    public boolean contains(Object candidate) {
        return value.equals(candidate);
    }

    @Override
    public String describe() {
        return "fixed " + value;
    }

    @Override public Optional<Condition> condition() { return Optional.ofNullable(condition); }

    @Override
    public Parameter when(Condition condition) {
        return new FixedParameter(name, value, condition);
    }
}
