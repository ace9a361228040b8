package io.tune4j.search.spec;

import static io.tune4j.search.spec.SpecDocumentTest.assertLocated;
import static io.tune4j.search.spec.SpecDocumentTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tune4j.search.space.CategoricalParameter;
import io.tune4j.search.space.Condition;
import io.tune4j.search.space.Parameter;
import io.tune4j.search.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generic space grammar: any parameter names, no DL4J vocabulary involved. */
class SpaceParserTest {

    @Test
    void readsEveryForm() {
        DeclaredSpace declared = SpaceParser.parse(space("""
                space:
                  x: {uniform: [-1, 1]}
                  y: {log_uniform: [1e-3, 10]}
                  n: {int: [1, 5]}
                  m: {int_log: [2, 64]}
                  c: {choice: [a, 2, 3.5, false]}
                  f: {fixed: hello}
                  g: 7
                """));
        SearchSpace space = declared.space();
        assertEquals(7, space.dimensions());
        assertEquals(List.of("a", 2, 3.5, false), ((CategoricalParameter) space.parameters().get(4)).choices());
        assertEquals(Optional.empty(), space.violation(Map.of("x", 0.0, "y", 1.0, "n", 3, "m", 8, "c", 2, "f", "hello", "g", 7)));
        assertEquals(8, declared.declarations().get(6).name().line());
        assertEquals(6, declared.declarations().get(4).nodeOf(3.5).line());
    }

    @Test
    void branchesNestAndMayRepeatANameAcrossSiblings() {
        SearchSpace space = SpaceParser.parse(space("""
                space:
                  model:
                    choice:
                      tree: {depth: {int: [2, 8]}}
                      forest:
                        depth: {int: [4, 16]}
                        sampling: {choice: {bootstrap: {fraction: {uniform: [0.5, 1.0]}}, full: }}
                      linear:
                """)).space();
        assertEquals(List.of("model", "depth", "depth", "sampling", "fraction"),
                space.parameters().stream().map(Parameter::name).toList());
        assertEquals(Optional.of(new Condition("sampling", "bootstrap")), space.parameters().get(4).condition());
        assertEquals(Optional.empty(), space.violation(Map.of("model", "linear")));
        assertEquals(Optional.empty(), space.violation(Map.of("model", "forest", "depth", 9, "sampling", "full")));
    }

    @Test
    void choiceBranchKeysKeepTheirYamlType() {
        SearchSpace space = SpaceParser.parse(space("""
                space:
                  layers: {choice: {1: {}, 2: {second_units: {int: [8, 32]}}}}
                """)).space();
        assertEquals(Optional.of(new Condition("layers", 2)), space.parameters().get(1).condition());
    }

    @Test
    void refusesWhatIsNotAParameter() {
        assertFails("""
                space:
                  a: [1, 2]
                """, 2, "space.a", "a bare list is ambiguous");
        assertFails("""
                space:
                  a: {uniform: [0, 1], int: [0, 1]}
                """, 2, "space.a", "needs exactly one of");
        assertFails("""
                space:
                  a: {unifrom: [0, 1]}
                """, 2, "space.a.unifrom", "did you mean 'uniform'?");
        assertFails("""
                space:
                  a: {choice: [x, y, x]}
                """, 2, "space.a.choice[2]", "value 'x' is listed twice");
        assertFails("""
                space:
                  a: {choice: []}
                """, 2, "space.a.choice", "needs at least one value");
        assertFails("""
                space: {}
                """, 1, "space", "declares no parameters");
    }

    @Test
    void aNameDeclaredTwiceOutsideSiblingBranchesIsRefusedAtItsKey() {
        assertFails("""
                space:
                  depth: {int: [1, 3]}
                  model:
                    choice:
                      tree:
                        depth: {int: [2, 8]}
                """, 6, "space.model.choice.tree.depth", "declared twice");
    }

    private static void assertFails(String yaml, int line, String key, String fragment) {
        assertLocated(assertThrows(SpecException.class, () -> SpaceParser.parse(space(yaml))), line, key, fragment);
    }

    private static SpecNode space(String yaml) {
        return parse(yaml).mapping().require("space");
    }
}
