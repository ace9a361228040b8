package io.tune4j.trainer.data;

import java.nio.file.Path;
import java.util.Optional;

/** Where a study's examples come from, as declared under {@code dataset:} in a space file. */
public sealed interface DatasetSpec {

    /** The shape of each row when the rows are images, known from the declaration alone (no data read). */
    default Optional<ImageShape> image() {
        return Optional.empty();
    }

    /** A dataset shipped inside tune4j: iris, digits, wine or breast-cancer. */
    record BuiltIn(String name) implements DatasetSpec {
        @Override
        public Optional<ImageShape> image() {
            return BuiltInDataset.named(name).image();
        }
    }

    /**
     * A user's CSV file. {@code label} is "last", "first", a 0-based column index or a header name;
     * {@code header} null means "detect: a first row with a non-numeric feature cell is a header".
     */
    record Csv(Path path, String label, Boolean header) implements DatasetSpec {}

    /** A folder holding the four idx files of MNIST or Fashion-MNIST (plain or .gz). */
    record Idx(String kind, Path dir) implements DatasetSpec {
        /** Both MNIST and Fashion-MNIST are 28x28 grey images. */
        @Override
        public Optional<ImageShape> image() {
            return Optional.of(new ImageShape(28, 28, 1));
        }
    }
}
