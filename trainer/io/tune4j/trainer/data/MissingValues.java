package io.tune4j.trainer.data;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a table does with a missing cell, per column ({@code missing:} under a CSV dataset): {@code refuse} (the
 * default: the file, line and column are named), {@code drop} the row, or fill it with the training part's
 * {@code mean}, {@code median} or {@code most_frequent} value. Empty cells and the usual spellings of "no value"
 * are missing; so are {@code NaN}, {@code inf} and {@code -inf}, which would otherwise load as numbers and make every
 * trial diverge, blaming its hyperparameters.
 */
public record MissingValues(Strategy otherwise, Map<String, Strategy> perColumn) {
    public enum Strategy {
        REFUSE, DROP, MEAN, MEDIAN, MOST_FREQUENT;

        public static final List<String> NAMES = List.of("refuse", "drop", "mean", "median", "most_frequent");

        public static Strategy named(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the strategy computes a value from the training part (and so travels with the model). */
        boolean fills() {
            return this == MEAN || this == MEDIAN || this == MOST_FREQUENT;
        }
    }

    /** In a per-column {@code missing:} mapping, the key of the strategy for every column not listed. */
    public static final String OTHERS = "others";

    public static final MissingValues REFUSE = new MissingValues(Strategy.REFUSE, Map.of());

    private static final Set<String> TOKENS =
            Set.of("", "na", "n/a", "nan", "null", "none", "?", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity");

    public MissingValues {
        perColumn = Map.copyOf(perColumn);
    }

    public Strategy of(String column) {
        return perColumn.getOrDefault(column, otherwise);
    }

    public static boolean isMissing(String cell) {
        return cell == null || TOKENS.contains(cell.trim().toLowerCase(Locale.ROOT));
    }
}
