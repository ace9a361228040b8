package io.tune4j.search.spec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One node of a space file together with where it is (file, line, dotted key path). Every typed getter
 * either returns a value of the asked type or throws a {@link SpecException} pointing at this node.
 */
public final class SpecNode {
    private final String file;
    private final String path;
    private final Node node;
    private final ScalarValues scalars;

    SpecNode(String file, String path, Node node, ScalarValues scalars) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.scalars = scalars;
    }

    /** The dotted key path, e.g. {@code space.optimizer.choice.sgd.momentum}; sequence items get {@code [i]}. */
    public String path() { return path; }

    public int line() { return node.getStartMark().getLine() + 1; }

    /** An exception locating {@code problem} at this node; callers throw it. */
    public SpecException fail(String problem) {
        return new SpecException(file, line(), path, problem);
    }

    /** Runs a constructor that validates its arguments, re-locating its IllegalArgumentException here. */
    public <T> T build(Supplier<T> construction) {
        try {
            return construction.get();
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    public boolean isNull() {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    public boolean isMapping() { return node instanceof MappingNode; }

    public boolean isSequence() { return node instanceof SequenceNode; }

    public SpecMapping mapping() {
        if (!(node instanceof MappingNode mappingNode)) throw fail("expected a mapping (key: value), got " + kind());
        return new SpecMapping(this, mappingNode);
    }

    public List<SpecNode> sequence() {
        if (!(node instanceof SequenceNode sequenceNode)) throw fail("expected a list [a, b, ...], got " + kind());
        List<SpecNode> items = new ArrayList<>();
        List<Node> values = sequenceNode.getValue();
        for (int i = 0; i < values.size(); i++) items.add(new SpecNode(file, path + "[" + i + "]", values.get(i), scalars));
        return items;
    }

    /** The value of a non-null scalar: an Integer, a finite Double, a String or a Boolean. */
    public Object scalar() {
        Object value = constructed();
        // YAML's .inf and .nan are numbers to SnakeYAML, but no learning rate, bound or threshold can be one.
        if (value instanceof Double d && !Double.isFinite(d)) {
            throw fail("expected a finite number, got '" + ((ScalarNode) node).getValue() + "'");
        }
        if (value instanceof Integer || value instanceof Double || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Long || value instanceof BigInteger) throw fail("integer " + value + " is too large");
        if (value instanceof Date) return ((ScalarNode) node).getValue(); // a date-like name is just text to us
        throw fail("unsupported value '" + ((ScalarNode) node).getValue() + "'");
    }

    /** The text of any scalar, e.g. {@code 3} for a column index or {@code yes} for a name. */
    public String text() {
        constructed();
        return ((ScalarNode) node).getValue();
    }

    public int integer() {
        if (scalar() instanceof Integer value) return value;
        throw fail("expected an integer, got '" + text() + "'");
    }

    /** An integer no smaller than {@code minimum}, such as a trial count. */
    public int integerAtLeast(int minimum) {
        int value = integer();
        if (value < minimum) throw fail("must be at least " + minimum + ", got " + value);
        return value;
    }

    /** A whole number that may exceed the int range, such as a seed. */
    public long wholeNumber() {
        Object value = constructed();
        if (value instanceof Integer || value instanceof Long) return ((Number) value).longValue();
        throw fail("expected an integer within 64 bits, got '" + text() + "'");
    }

    /** An Integer or a Double as a double. */
    public double number() {
        if (scalar() instanceof Number value) return value.doubleValue();
        throw fail("expected a number, got '" + text() + "'");
    }

    public double numberAtLeast(double minimum) {
        double value = number();
        if (value < minimum) throw fail("must be at least " + minimum + ", got " + value);
        return value;
    }

    /** The text of this node, which must be one of {@code known} (a near miss gets a suggestion). */
    public String oneOf(String what, List<String> known) {
        String value = text();
        if (known.contains(value)) return value;
        throw fail("unknown " + what + " '" + value + "'" + NearestName.hint(value, known)
                + " (known: " + String.join(", ", known) + ")");
    }

    SpecNode child(String key, Node child) {
        return new SpecNode(file, path.isEmpty() ? key : path + "." + key, child, scalars);
    }

    /** The same node under another path: a mapping key reported under the key it introduces. */
    SpecNode at(String otherPath) {
        return new SpecNode(file, otherPath, node, scalars);
    }

    private Object constructed() {
        if (!(node instanceof ScalarNode scalarNode)) throw fail("expected a single value, got " + kind());
        if (isNull()) throw fail("needs a value");
        try {
            return scalars.valueOf(scalarNode);
        } catch (YAMLException e) {
            throw fail("cannot read value '" + scalarNode.getValue() + "': " + e.getMessage());
        }
    }

    private String kind() {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        return isNull() ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
    }
}
