package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.space.Parameter;
import io.tune4j.search.spec.SpecException;
import io.tune4j.trainer.network.block.LayerStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code network:} section of a space file: what it declares, and each mistake with its line and key. */
class NetworkSectionFileTest {
    private static final String DIGITS = """
            study: t
            dataset: digits
            """;

    @TempDir Path dir;

    @Test
    void theShippedDigitsCnnDeclaresItsBlockSettingsAsParams() {
        StudyPlan plan = StudyFile.load(Path.of("spaces/digits-cnn.yaml"));
        assertInstanceOf(LayerStack.class, plan.network());
        List<String> names = plan.space().parameters().stream().map(Parameter::name).toList();
        assertTrue(names.containsAll(List.of("conv2d_1.filters", "batch_norm_1.include", "conv2d_2.filters",
                "dropout_1.rate", "dense_1.repeat", "dense_1.1.units", "learning_rate")), names.toString());
    }

    @Test
    void theShippedMnistAndFashionCnnsParseWithoutReadingTheirData() {
        for (String space : List.of("spaces/mnist-cnn.yaml", "spaces/fashion-cnn.yaml")) {
            StudyPlan plan = StudyFile.load(Path.of(space));
            assertInstanceOf(LayerStack.class, plan.network(), space);
            assertTrue(plan.space().parameters().stream().anyMatch(p -> p.name().equals("conv2d_2.filters")), space);
        }
    }

    @Test
    void unknownLayerTypeGetsASuggestion() {
        assertFailure(DIGITS + """
                network:
                  - conv3d: {filters: 8}
                """, 4, "network[0].conv3d", "unknown layer type 'conv3d'; did you mean 'conv2d'?");
    }

    @Test
    void aSettingItsLayerDoesNotTake() {
        assertFailure(DIGITS + """
                network:
                  - dense:
                      unit: 32
                """, 5, "network[0].dense.unit", "dense has no setting 'unit'; did you mean 'units'?");
    }

    @Test
    void spatialLayersOnATable() {
        assertFailure("""
                study: t
                dataset: iris
                network:
                  - conv2d: {filters: 8}
                """, 4, "network[0].conv2d", "conv2d needs image-shaped input, but the dataset's rows are a table");
    }

    @Test
    void aConvolutionAfterTheRowsWereFlattened() {
        assertFailure(DIGITS + """
                network:
                  - dense: {units: 16}
                  - pool: {}
                """, 5, "network[1].pool", "pool needs image-shaped input, but block dense_1 before it makes them flat");
    }

    @Test
    void theOutputBlockComesLast() {
        assertFailure(DIGITS + """
                network:
                  - output: {}
                  - dense: {units: 16}
                """, 4, "network[0].output", "the output block must be the last one");
    }

    @Test
    void theShorthandKeysBesideALayerStack() {
        assertFailure(DIGITS + """
                network:
                  - dense: {units: 16}
                space:
                  hidden_layers: {int: [1, 2]}
                """, 6, "space.hidden_layers", "'hidden_layers' belongs to the dense shorthand");
    }

    @Test
    void aSampledSettingOutsideWhatItsLayerTakes() {
        assertFailure(DIGITS + """
                network:
                  - dense: {units: {int: [0, 4]}}
                """, 4, "network[0].dense.units.int", "low bound 0 must be an integer > 0");
    }

    @Test
    void aFixedSettingOutsideWhatItsLayerTakes() {
        assertFailure(DIGITS + """
                network:
                  - dropout: {rate: 1.5}
                """, 4, "network[0].dropout.rate", "1.5 must be a drop probability in [0, 1)");
    }

    @Test
    void tooManyRepeats() {
        assertFailure(DIGITS + """
                network:
                  - dense: {repeat: {int: [1, 20]}, units: 8}
                """, 4, "network[0].dense.repeat.int", "repeat counts must be 0..8");
    }

    @Test
    void aStackNoSampledSettingCanBuild() {
        assertFailure(DIGITS + """
                network:
                  - conv2d: {filters: {choice: [4, 8]}, kernel: 9, padding: valid}
                """, 4, "network", "no network of this section can be built for 8x8x1 images");
    }

    @Test
    void aMissingNetworkClass() {
        assertFailure(DIGITS + """
                network: {class: com.acme.NoSuchNet}
                space: {learning_rate: 0.01}
                """, 3, "network.class", "class com.acme.NoSuchNet is not on the classpath (add its jar with --classpath");
    }

    @Test
    void aClassThatIsNotANetworkDefinition() {
        assertFailure(DIGITS + """
                network: {class: java.util.ArrayList}
                space: {learning_rate: 0.01}
                """, 3, "network.class", "class java.util.ArrayList does not implement io.tune4j.trainer.network.NetworkDefinition");
    }

    private void assertFailure(String yaml, int line, String key, String fragment) {
        Path file = dir.resolve("bad.yaml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SpecException e = assertThrows(SpecException.class, () -> StudyFile.load(file));
        String message = e.getMessage();
        assertEquals(line, e.line(), message);
        assertEquals(key, e.key(), message);
        assertTrue(message.contains(fragment), "expected '" + fragment + "' in " + message);
    }
}
