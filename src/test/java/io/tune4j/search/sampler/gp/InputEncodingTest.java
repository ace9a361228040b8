package io.tune4j.search.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tune4j.search.space.SearchSpace;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputEncodingTest {
    private static final SearchSpace SPACE = SearchSpace.builder()
            .logUniform("learning_rate", 1e-4, 1e-1)
            .integer("layers", 1, 4)
            .choice("optimizer", "sgd", "nesterov", "adam")
            .when("optimizer", "nesterov", b -> b.uniform("momentum", 0.5, 0.99))
            .fixed("epochs", 10)
            .build();

    @Test
    void logParametersAreWarpedCategoricalsOneHotAbsentParametersImputedFixedOnesDropped() {
        InputEncoding encoding = new InputEncoding(SPACE);
        // learning_rate, layers, three one-hot columns, momentum; nothing for the fixed epochs.
        assertEquals(6, encoding.features());
        assertEquals(4, encoding.groups());
        assertArrayEquals(new int[] {0, 1, 2, 2, 2, 3}, encoding.groupOfFeature());

        double[] adam = encoding.encode(Map.of("learning_rate", 1e-3, "layers", 2, "optimizer", "adam", "epochs", 10));
        // 1e-3 is one decade into three: a third of the way on the log scale.
        assertEquals(1.0 / 3, adam[0], 1e-12);
        assertEquals(1.5 / 4, adam[1], 1e-12);
        assertArrayEquals(new double[] {0, 0, 1}, new double[] {adam[2], adam[3], adam[4]});
        assertEquals(0.5, adam[5], "momentum does not exist under adam: imputed centre");

        double[] nesterov = encoding.encode(
                Map.of("learning_rate", 1e-3, "layers", 2, "optimizer", "nesterov", "momentum", 0.99, "epochs", 10));
        assertArrayEquals(new double[] {0, 1, 0}, new double[] {nesterov[2], nesterov[3], nesterov[4]});
        assertEquals(1.0, nesterov[5], 1e-12);
    }

    @Test
    void aSearchPointEncodesLikeTheParamsItMapsTo() {
        InputEncoding encoding = new InputEncoding(SPACE);
        double[] u = encoding.snap(new double[] {0.25, 0.6, 0.5, 0.3, 0.7});
        assertArrayEquals(encoding.encode(SPACE.fromUnit(u)), encoding.encodePoint(u), 1e-12);
        assertEquals(SPACE.fromUnit(u), SPACE.fromUnit(encoding.searchPoint(SPACE.fromUnit(u))));
    }
}
