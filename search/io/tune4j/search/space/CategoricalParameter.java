package io.tune4j.search.space;

import java.util.List;
import java.util.Optional;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;

/** A choice among listed values (strings, numbers or booleans); each choice owns an equal slice of [0, 1). */
public final class CategoricalParameter implements Parameter {
    private final String name;
    private final List<Object> choices;
    private final Condition condition;
    private final DiscreteParameterSpace<Object> arbiterSpace;

    public CategoricalParameter(String name, List<?> choices) {
        this(name, List.copyOf(choices), null);
    }

    private CategoricalParameter(String name, List<Object> choices, Condition condition) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("choice of '" + name + "' needs at least one value");
        }
        if (choices.stream().distinct().count() != choices.size()) {
            throw new IllegalArgumentException("choice of '" + name + "' lists a value twice: " + choices);
        }
        this.name = name;
        this.choices = choices;
        this.condition = condition;
        this.arbiterSpace = new DiscreteParameterSpace<>(choices);
        arbiterSpace.setIndices(0);
    }

    public List<Object> choices() { return choices; }

    @Override public String name() { return name; }

    @Override
    public Object fromUnit(double unit) {
        return arbiterSpace.getValue(new double[] {Bounds.clampUnit(unit)});
    }

    @Override
    public double toUnit(Object value) {
        int index = choices.indexOf(value);
        if (index < 0) throw new IllegalArgumentException("'" + value + "' is not a choice of '" + name + "'");
        return (index + 0.5) / choices.size();
    }

    @Override
    public boolean contains(Object value) {
        return choices.contains(value);
    }

    @Override
    public String describe() {
        return "choice " + choices;
    }

    @Override public Optional<Condition> condition() { return Optional.ofNullable(condition); }

    @Override
    public Parameter when(Condition condition) {
        return new CategoricalParameter(name, choices, condition);
    }
}
