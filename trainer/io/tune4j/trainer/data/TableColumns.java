package io.tune4j.trainer.data;

import java.util.List;
import java.util.Optional;

/**
 * Which columns of a CSV table a study uses and how: the {@code label}, the {@code features} (all columns but the
 * label and {@code ignore} when not listed), the text columns to one-hot encode ({@code categorical}), and what to do
 * with missing cells. A text column that is not declared categorical or ignored is refused with its name, since
 * one-hot encoding a free-text column (a car's name: 300 values in 400 rows) silently would only add noise.
 */
public record TableColumns(String label, Optional<List<String>> features, List<String> ignore,
                           List<String> categorical, MissingValues missing) {
    public TableColumns {
        ignore = List.copyOf(ignore);
        categorical = List.copyOf(categorical);
    }

    /** The label column and nothing else declared: every other column a numeric feature, nothing missing. */
    public static TableColumns labelled(String label) {
        return new TableColumns(label, Optional.empty(), List.of(), List.of(), MissingValues.REFUSE);
    }
}
