package io.tune4j.trainer.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one named feature column becomes network inputs, fitted on the training part: a number (its missing cells
 * filled with the training part's mean, median or most frequent value, when declared), or one input per category
 * seen in training (one-hot; a category never seen in training sets none of them, a missing cell takes the most
 * frequent category when declared).
 */
sealed interface ColumnEncoder {
    String name();

    int width();

    /** Writes this column's inputs for a raw cell at {@code out[offset…]}; {@code number} is NaN when missing. */
    void encode(float number, String text, float[] out, int offset);

    /** What travels with the model (the bundle's preprocessing entry). */
    Map<String, Object> description();

    record Numeric(String name, int index, double fill) implements ColumnEncoder {
        @Override
        public int width() {
            return 1;
        }

        @Override
        public void encode(float number, String text, float[] out, int offset) {
            if (Float.isNaN(number)) {
                if (Double.isNaN(fill)) throw new DatasetException("column '" + name + "': missing value, and the model"
                        + " was trained with missing: refuse or drop for it");
                out[offset] = (float) fill;
            } else {
                out[offset] = number;
            }
        }

        @Override
        public Map<String, Object> description() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", name);
            map.put("kind", "numeric");
            if (!Double.isNaN(fill)) map.put("fill", fill);
            return map;
        }

        /** Fitted on the non-missing training values of column {@code index}. */
        static Numeric fit(FeatureColumn column, float[][] features) {
            float[] values = new float[features.length];
            int count = 0;
            for (float[] row : features) if (!Float.isNaN(row[column.index()])) values[count++] = row[column.index()];
            return new Numeric(column.name(), column.index(), fill(column.missing(), Arrays.copyOf(values, count)));
        }

        private static double fill(MissingValues.Strategy strategy, float[] values) {
            if (!strategy.fills()) return Double.NaN;
            if (values.length == 0) throw new DatasetException("column has no value in the training part to fill with");
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            return switch (strategy) {
                case MEAN -> { double sum = 0; for (float v : values) sum += v; yield sum / values.length; }
                case MEDIAN -> sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                        : (sorted[sorted.length / 2 - 1] + (double) sorted[sorted.length / 2]) / 2;
                default -> mostFrequent(sorted);
            };
        }

        /** The most frequent of sorted values; the smallest among ties, so the fill does not depend on row order. */
        private static double mostFrequent(float[] sorted) {
            float best = sorted[0];
            int bestCount = 0;
            for (int i = 0; i < sorted.length; ) {
                int j = i;
                while (j < sorted.length && sorted[j] == sorted[i]) j++;
                if (j - i > bestCount) {
                    bestCount = j - i;
                    best = sorted[i];
                }
                i = j;
            }
            return best;
        }
    }

    record Category(String name, int index, List<String> categories, String fill) implements ColumnEncoder {
        @Override
        public int width() {
            return categories.size();
        }

        @Override
        public void encode(float number, String text, float[] out, int offset) {
            String value = text;
            if (value == null) {
                if (fill == null) throw new DatasetException("column '" + name + "': missing value, and the model was"
                        + " trained with missing: refuse or drop for it");
                value = fill;
            }
            int at = categories.indexOf(value);
            for (int i = 0; i < categories.size(); i++) out[offset + i] = i == at ? 1f : 0f;
        }

        @Override
        public Map<String, Object> description() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", name);
            map.put("kind", "categorical");
            map.put("categories", categories);
            if (fill != null) map.put("fill", fill);
            return map;
        }

        /** Categories in sorted order (stable across runs); the fill is the most frequent, ties to the first. */
        static Category fit(FeatureColumn column, String[][] text) {
            Map<String, Integer> counts = new HashMap<>();
            for (String[] row : text) {
                String cell = row[column.index()];
                if (cell != null) counts.merge(cell, 1, Integer::sum);
            }
            if (counts.isEmpty()) throw new DatasetException("column '" + column.name() + "' has no value in the training part");
            List<String> categories = counts.keySet().stream().sorted().toList();
            String fill = null;
            if (column.missing().fills()) {
                int best = 0;
                for (String category : categories) {
                    if (counts.get(category) > best) {
                        best = counts.get(category);
                        fill = category;
                    }
                }
            }
            return new Category(column.name(), column.index(), categories, fill);
        }
    }
}
