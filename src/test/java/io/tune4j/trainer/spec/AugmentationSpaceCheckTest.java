package io.tune4j.trainer.spec;

import static io.tune4j.trainer.spec.NetworkSpaceCheckTest.assertAt;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tune4j.search.spec.DeclaredSpace;
import io.tune4j.search.spec.SpaceParser;
import io.tune4j.search.spec.SpecDocument;
import io.tune4j.search.spec.SpecException;
import io.tune4j.trainer.data.DatasetSpec;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The augment_ params: in the vocabulary with their own value checks, and only on datasets of images. */
class AugmentationSpaceCheckTest {
    private static final String AUGMENTED = """
            space:
              learning_rate: {log_uniform: [1e-4, 1e-1]}
              augment_flip: {choice: [true, false]}
              augment_shift: {uniform: [0.0, 0.15]}
              augment_rotation: 10
            """;

    @Test
    void imageDatasetsTakeAugmentation() {
        for (DatasetSpec images : new DatasetSpec[] {new DatasetSpec.BuiltIn("digits"), new DatasetSpec.Idx("mnist",
                Path.of("data")), new DatasetSpec.Images(Path.of("pics"), Optional.empty(), 3)}) {
            check(AUGMENTED, images);
        }
    }

    @Test
    void aTableRefusesAugmentationAtItsLine() {
        assertAt(assertThrows(SpecException.class, () -> check(AUGMENTED, new DatasetSpec.BuiltIn("iris"))),
                3, "space.augment_flip", "'augment_flip' augments images, but this dataset is a table");
        assertAt(assertThrows(SpecException.class, () -> check("""
                space:
                  optimizer: {choice: {adam: {augment_rotation: 5}, sgd: {}}}
                """, new DatasetSpec.Csv(Path.of("t.csv"), "last", null))), 2,
                "space.optimizer.choice.adam.augment_rotation", "augments images");
    }

    @Test
    void valuesOutsideTheirRangeAreRefused() {
        DatasetSpec digits = new DatasetSpec.BuiltIn("digits");
        assertAt(assertThrows(SpecException.class, () -> check("""
                space:
                  augment_rotation: {uniform: [0, 270]}
                """, digits)), 2, "space.augment_rotation.uniform", "must be a number of degrees in [0, 180]");
        assertAt(assertThrows(SpecException.class, () -> check("""
                space:
                  augment_flip: {choice: [often, 0.5]}
                """, digits)), 2, "space.augment_flip.choice[0]", "must be true, false or a probability in [0, 1]");
        assertAt(assertThrows(SpecException.class, () -> check("""
                space:
                  augment_shift: 1.5
                """, digits)), 2, "space.augment_shift", "must be a number in [0, 1]");
    }

    private static void check(String yaml, DatasetSpec dataset) {
        DeclaredSpace space = SpaceParser.parse(SpecDocument.parse("net.yaml", yaml).mapping().require("space"));
        NetworkSpaceCheck.check(space);
        AugmentationSpaceCheck.check(space, dataset);
    }
}
