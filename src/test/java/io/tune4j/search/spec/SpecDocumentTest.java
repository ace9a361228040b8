package io.tune4j.search.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecDocumentTest {

    @Test
    void messagesReadFileLineKeyProblem() {
        SpecException e = new SpecException("spaces/iris.yaml", 12, "space.learning_rate", "log range needs a low bound > 0, got 0.0");
        assertEquals("spaces/iris.yaml:12: space.learning_rate: log range needs a low bound > 0, got 0.0", e.getMessage());
        assertEquals("spaces/x.yaml: cannot read", new SpecException("spaces/x.yaml", 0, "", "cannot read").getMessage());
    }

    @Test
    void nodesKnowTheirLineAndKeyPath() {
        SpecMapping root = parse("""
                a: 1
                b:
                  c: [x, y]
                """).mapping();
        SpecNode c = root.require("b").mapping().require("c");
        assertEquals(3, c.line());
        assertEquals("b.c", c.path());
        assertEquals("b.c[1]", c.sequence().get(1).path());
    }

    @Test
    void scalarsFollowYamlTypes() {
        SpecMapping root = parse("""
                int: 42
                float: 0.5
                exponent: 1e-4
                exponent_upper: 3E+2
                underscores: 1_000
                bool: true
                text: adam
                quoted: "12"
                """).mapping();
        assertEquals(42, root.require("int").scalar());
        assertEquals(0.5, root.require("float").scalar());
        assertEquals(1.0e-4, root.require("exponent").scalar());
        assertEquals(300.0, root.require("exponent_upper").scalar());
        assertEquals(1000, root.require("underscores").scalar());
        assertEquals(true, root.require("bool").scalar());
        assertEquals("adam", root.require("text").scalar());
        assertEquals("12", root.require("quoted").scalar());
    }

    @Test
    void typedGettersFailAtTheirNode() {
        SpecMapping root = parse("""
                name: x
                huge: 99999999999
                empty:
                """).mapping();
        assertLocated(assertThrows(SpecException.class, () -> root.require("name").integer()), 1, "name", "expected an integer");
        assertLocated(assertThrows(SpecException.class, () -> root.require("huge").integer()), 2, "huge", "too large");
        assertEquals(99999999999L, root.require("huge").wholeNumber());
        assertLocated(assertThrows(SpecException.class, () -> root.require("empty").number()), 3, "empty", "needs a value");
        assertLocated(assertThrows(SpecException.class, () -> root.require("name").mapping()), 1, "name", "expected a mapping");
        assertLocated(assertThrows(SpecException.class, () -> root.require("missing")), 1, "missing", "is required");
    }

    @Test
    void duplicateKeysAreRefusedAtTheSecondOne() {
        SpecNode node = parse("""
                a: 1
                b: 2
                a: 3
                """);
        assertLocated(assertThrows(SpecException.class, node::mapping), 3, "a", "duplicate key 'a' (first at line 1)");
    }

    @Test
    void unknownKeysGetANearMissSuggestion() {
        SpecMapping root = parse("""
                sampler: random
                trails: 5
                """).mapping();
        SpecException e = assertThrows(SpecException.class, () -> root.allowOnly(List.of("sampler", "trials")));
        assertLocated(e, 2, "trails", "unknown key 'trails'; did you mean 'trials'?");
        SpecException far = assertThrows(SpecException.class, () -> root.allowOnly(List.of("sampler", "budget")));
        assertTrue(!far.problem().contains("did you mean"), far.getMessage());
    }

    @Test
    void malformedYamlIsReportedAtItsLine() {
        SpecException e = assertThrows(SpecException.class, () -> parse("""
                a: 1
                b: [1, 2
                c: 3
                """));
        assertEquals("", e.key());
        assertTrue(e.line() >= 2, e.getMessage());
        assertTrue(e.getMessage().startsWith("test.yaml:" + e.line() + ": malformed YAML"), e.getMessage());
        assertLocated(assertThrows(SpecException.class, () -> parse("# only a comment\n")), 1, "", "empty");
    }

    static SpecNode parse(String text) {
        return SpecDocument.parse("test.yaml", text);
    }

    static void assertLocated(SpecException e, int line, String key, String fragment) {
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
