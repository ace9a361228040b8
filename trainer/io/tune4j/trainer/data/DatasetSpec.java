package io.tune4j.trainer.data;

import java.nio.file.Path;

/** Where a study's examples come from, as declared under {@code dataset:} in a space file. */
public sealed interface DatasetSpec {

    /** A dataset shipped inside tune4j: iris, digits, wine or breast-cancer. */
    record BuiltIn(String name) implements DatasetSpec {}

    /**
     * A user's CSV file. {@code label} is "last", "first", a 0-based column index or a header name;
     * {@code header} null means "detect: a first row with a non-numeric feature cell is a header".
     */
    record Csv(Path path, String label, Boolean header) implements DatasetSpec {}

    /** A folder holding the four idx files of MNIST or Fashion-MNIST (plain or .gz). */
    record Idx(String kind, Path dir) implements DatasetSpec {}
}
