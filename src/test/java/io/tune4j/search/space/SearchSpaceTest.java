package io.tune4j.search.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    @Test
    void unitMappingsInvertEachOther() {
        FloatParameter lr = new FloatParameter("lr", 1e-5, 1e-1, true);
        assertEquals(0.25, lr.toUnit(lr.fromUnit(0.25)), 1e-12);
        assertEquals(1e-3, (Double) lr.fromUnit(0.5), 1e-15);
        IntParameter units = new IntParameter("units", 16, 512, true);
        for (int v : new int[] {16, 17, 100, 511, 512}) assertEquals(v, units.fromUnit(units.toUnit(v)));
        IntParameter layers = new IntParameter("layers", 1, 3, false);
        for (int v = 1; v <= 3; v++) assertEquals(v, layers.fromUnit(layers.toUnit(v)));
        CategoricalParameter optimizer = new CategoricalParameter("optimizer", java.util.List.of("sgd", "adam"));
        assertEquals("adam", optimizer.fromUnit(optimizer.toUnit("adam")));
    }

    @Test
    void theWholeUnitIntervalMapsInsideTheRange() {
        IntParameter layers = new IntParameter("layers", 1, 3, false);
        assertEquals(1, layers.fromUnit(0.0));
        assertEquals(3, layers.fromUnit(1.0));
        FloatParameter dropout = new FloatParameter("dropout", 0.0, 0.5, false);
        assertTrue((Double) dropout.fromUnit(1.0) <= 0.5);
    }

    @Test
    void badRangesAreRefusedWithTheParameterName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FloatParameter("lr", 0.1, 0.1, false))
                .getMessage().contains("'lr'"));
        assertThrows(IllegalArgumentException.class, () -> new FloatParameter("lr", 0.5, 0.1, false));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FloatParameter("lr", 0.0, 0.1, true))
                .getMessage().contains("> 0"));
        assertThrows(IllegalArgumentException.class, () -> new IntParameter("units", 0, 8, true));
        assertThrows(IllegalArgumentException.class, () -> new CategoricalParameter("a", java.util.List.of()));
    }

    @Test
    void conditionalNamesMayRepeatOnlyAcrossSiblingBranches() {
        SearchSpace space = SearchSpace.builder()
                .choice("optimizer", "sgd", "nesterov", "rmsprop")
                .when("optimizer", "nesterov", b -> b.uniform("momentum", 0.5, 0.9))
                .when("optimizer", "rmsprop", b -> b.uniform("momentum", 0.0, 0.5))
                .build();
        assertEquals(3, space.dimensions(), "optimizer and two momentum dimensions");
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.builder()
                .uniform("momentum", 0, 1).uniform("momentum", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.builder()
                .when("optimizer", "sgd", b -> b.uniform("momentum", 0, 1)));
    }

    @Test
    void violationNamesTheFirstProblem() {
        SearchSpace space = SearchSpace.builder()
                .choice("optimizer", "sgd", "nesterov")
                .when("optimizer", "nesterov", b -> b.uniform("momentum", 0.5, 0.9))
                .build();
        assertEquals(Optional.empty(), space.violation(Map.of("optimizer", "nesterov", "momentum", 0.6)));
        assertTrue(space.violation(Map.of("optimizer", "nesterov")).orElseThrow().contains("missing"));
        assertTrue(space.violation(Map.of("optimizer", "sgd", "momentum", 0.6)).orElseThrow().contains("not active"));
        assertTrue(space.violation(Map.of("optimizer", "nesterov", "momentum", 0.95)).orElseThrow().contains("outside"));
    }
}
