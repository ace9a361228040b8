package io.tune4j.search.spec;

import io.tune4j.search.space.CategoricalParameter;
import io.tune4j.search.space.FixedParameter;
import io.tune4j.search.space.FloatParameter;
import io.tune4j.search.space.IntParameter;
import io.tune4j.search.space.Parameter;
import io.tune4j.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code space:} mapping into a {@link SearchSpace}. Each parameter is one of
 * {@code {uniform|log_uniform|int|int_log: [low, high]}}, {@code {choice: [a, b]}}, a conditional
 * {@code {choice: {a: {sub-space}, b: {}}}}, {@code {fixed: v}} or a bare scalar (fixed). Range and choice
 * rules stay in the space classes; their refusals are re-located at the node that caused them.
 */
public final class SpaceParser {
    public static final List<String> FORMS = List.of("uniform", "log_uniform", "int", "int_log", "choice", "fixed");

    private final List<Declaration> declarations = new ArrayList<>();

    private SpaceParser() {}

    public static DeclaredSpace parse(SpecNode spaceNode) {
        return parse(Optional.of(spaceNode), (parser, builder) -> {});
    }

    /**
     * Parses {@code space:} (when present) and then lets {@code more} declare parameters of its own through the
     * same parser, e.g. the params of a network's layer blocks, so that one space holds them all.
     */
    public static DeclaredSpace parse(Optional<SpecNode> spaceNode, Extension more) {
        SpaceParser parser = new SpaceParser();
        SearchSpace.Builder builder = SearchSpace.builder();
        spaceNode.ifPresent(node -> parser.declareAll(builder, node.mapping(), ""));
        more.declare(parser, builder);
        if (parser.declarations.isEmpty()) {
            throw spaceNode.map(node -> node.fail("declares no parameters"))
                    .orElseThrow(() -> new IllegalStateException("a space needs a space: section or an extension"));
        }
        SearchSpace space = builder.build();
        // The builder placed each parameter under its branch's condition; declarations keep that placed form
        // (same order: one declaration per parameter added) so later checks can see which branch it is in.
        List<Declaration> placed = new ArrayList<>();
        for (int i = 0; i < parser.declarations.size(); i++) {
            Declaration d = parser.declarations.get(i);
            placed.add(new Declaration(space.parameters().get(i), d.name(), d.domain(), d.valueNodes()));
        }
        return new DeclaredSpace(space, placed);
    }

    /** Parameters declared outside {@code space:}, through {@link #declareAll} and {@link #declareChoice}. */
    @FunctionalInterface
    public interface Extension {
        void declare(SpaceParser parser, SearchSpace.Builder builder);
    }

    /**
     * Declares each entry of {@code params} (any form a {@code space:} entry may take) under the name
     * {@code prefix + key}; the names inside conditional branches get the prefix too.
     */
    public void declareAll(SearchSpace.Builder builder, SpecMapping params, String prefix) {
        for (SpecMapping.Entry entry : params.entries()) declare(builder, entry, prefix);
    }

    /** A generated categorical parameter (not written as a choice in the file); {@code at} locates it. */
    public void declareChoice(SearchSpace.Builder builder, String name, SpecNode at, List<?> values) {
        Parameter parameter = at.build(() -> new CategoricalParameter(name, List.copyOf(values)));
        at.build(() -> builder.add(parameter));
        declarations.add(new Declaration(parameter, at, at, Map.of()));
    }

    /** Declares one entry, in any form a {@code space:} entry may take, as {@code prefix + key}. */
    public void declare(SearchSpace.Builder builder, SpecMapping.Entry entry, String prefix) {
        String name = prefix + entry.name();
        SpecNode value = entry.value();
        if (value.isSequence()) {
            throw value.fail("a bare list is ambiguous: write {choice: [a, b]} for a choice"
                    + " or {uniform: [low, high]} for a range");
        }
        if (!value.isMapping()) {
            add(builder, entry, value, new FixedParameter(name, value.scalar()), Map.of());
            return;
        }
        SpecMapping forms = value.mapping().allowOnly(FORMS);
        if (forms.size() != 1) {
            throw value.fail("needs exactly one of " + String.join(", ", FORMS) + ", got " + forms.size());
        }
        SpecMapping.Entry form = forms.entries().get(0);
        SpecNode domain = form.value();
        switch (form.name()) {
            case "uniform", "log_uniform" -> {
                double[] range = numberRange(domain);
                boolean log = form.name().equals("log_uniform");
                add(builder, entry, domain, domain.build(() -> new FloatParameter(name, range[0], range[1], log)), Map.of());
            }
            case "int", "int_log" -> {
                int[] range = integerRange(domain);
                boolean log = form.name().equals("int_log");
                add(builder, entry, domain, domain.build(() -> new IntParameter(name, range[0], range[1], log)), Map.of());
            }
            case "choice" -> {
                if (domain.isMapping()) conditionalChoice(builder, entry, domain, name, prefix);
                else plainChoice(builder, entry, domain, name);
            }
            default -> add(builder, entry, domain, new FixedParameter(name, domain.scalar()), Map.of());
        }
    }

    private void plainChoice(SearchSpace.Builder builder, SpecMapping.Entry entry, SpecNode domain, String name) {
        if (!domain.isSequence()) {
            throw domain.fail("a choice needs a list [a, b, ...] or a mapping of branches {a: {...}, b: {}}");
        }
        Map<Object, SpecNode> values = new LinkedHashMap<>();
        for (SpecNode item : domain.sequence()) putOnce(values, item.scalar(), item);
        add(builder, entry, domain, categorical(name, domain, values), values);
    }

    /** Each branch's sub-space exists only while its value is chosen, e.g. momentum under nesterov. */
    private void conditionalChoice(SearchSpace.Builder builder, SpecMapping.Entry entry, SpecNode domain, String name,
                                   String prefix) {
        List<SpecMapping.Entry> branches = domain.mapping().entries();
        Map<Object, SpecNode> values = new LinkedHashMap<>();
        for (SpecMapping.Entry branch : branches) putOnce(values, branch.key().scalar(), branch.key());
        add(builder, entry, domain, categorical(name, domain, values), values);
        for (SpecMapping.Entry branch : branches) {
            if (branch.value().isNull()) continue; // "rmsprop:" with nothing after it: no sub-space
            SpecMapping subSpace = branch.value().mapping();
            builder.when(name, branch.key().scalar(), nested -> declareAll(nested, subSpace, prefix));
        }
    }

    private static Parameter categorical(String name, SpecNode domain, Map<Object, SpecNode> values) {
        return domain.build(() -> new CategoricalParameter(name, List.copyOf(values.keySet())));
    }

    private static void putOnce(Map<Object, SpecNode> values, Object value, SpecNode node) {
        SpecNode earlier = values.putIfAbsent(value, node);
        if (earlier != null) throw node.fail("value '" + value + "' is listed twice (first at line " + earlier.line() + ")");
    }

    private void add(SearchSpace.Builder builder, SpecMapping.Entry entry, SpecNode domain, Parameter parameter,
                     Map<Object, SpecNode> valueNodes) {
        entry.key().build(() -> builder.add(parameter));
        declarations.add(new Declaration(parameter, entry.key(), domain, valueNodes));
    }

    private static double[] numberRange(SpecNode domain) {
        List<SpecNode> bounds = bounds(domain, "numbers");
        return new double[] {bounds.get(0).number(), bounds.get(1).number()};
    }

    private static int[] integerRange(SpecNode domain) {
        List<SpecNode> bounds = bounds(domain, "integers");
        return new int[] {bounds.get(0).integer(), bounds.get(1).integer()};
    }

    private static List<SpecNode> bounds(SpecNode domain, String what) {
        String expected = "a range needs two " + what + " [low, high]";
        if (!domain.isSequence()) throw domain.fail(expected);
        List<SpecNode> bounds = domain.sequence();
        if (bounds.size() != 2) throw domain.fail(expected + ", got " + bounds.size() + " value(s)");
        return bounds;
    }
}
