package io.tune4j.trainer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Cuts a table into parts class by class after a seeded shuffle, so small datasets keep every class in every
 * part and the same seed always gives the same parts.
 */
final class StratifiedSplit {
    private StratifiedSplit() {}

    /** Rows per part: {@code fractions} for the first parts, the rest for the last. */
    static List<LabeledTable> split(LabeledTable table, long seed, double... fractions) {
        Random random = new Random(seed);
        List<List<Integer>> parts = new ArrayList<>();
        for (int p = 0; p <= fractions.length; p++) parts.add(new ArrayList<>());
        for (int label = 0; label < table.classNames().size(); label++) {
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < table.rows(); r++) if (table.labels()[r] == label) rows.add(r);
            Collections.shuffle(rows, random);
            int start = 0;
            for (int p = 0; p < fractions.length; p++) {
                int size = (int) Math.round(rows.size() * fractions[p]);
                parts.get(p).addAll(rows.subList(start, Math.min(rows.size(), start + size)));
                start = Math.min(rows.size(), start + size);
            }
            parts.get(fractions.length).addAll(rows.subList(start, rows.size()));
        }
        List<LabeledTable> tables = new ArrayList<>();
        for (List<Integer> part : parts) {
            // Shuffle across classes too, or mini-batches would see one class after another.
            Collections.shuffle(part, random);
            tables.add(table.select(part.stream().mapToInt(Integer::intValue).toArray()));
        }
        return tables;
    }
}
