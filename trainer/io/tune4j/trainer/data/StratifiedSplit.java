package io.tune4j.trainer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Cuts a table into parts class by class after a seeded shuffle, so small datasets keep every class in every
 * part and the same seed always gives the same parts. A regression table is one group: a plain seeded shuffle.
 */
final class StratifiedSplit {
    private StratifiedSplit() {}

    /**
     * Rows per part: {@code fractions} for the first parts, the rest for the last. Every class gets at least one
     * row in every part whose fraction is above 0; a class with fewer rows than that is refused, naming it.
     */
    static List<LabeledTable> split(LabeledTable table, String dataset, long seed, double... fractions) {
        Random random = new Random(seed);
        List<List<Integer>> parts = new ArrayList<>();
        for (int p = 0; p <= fractions.length; p++) parts.add(new ArrayList<>());
        long partsNeeded = 1 + java.util.Arrays.stream(fractions).filter(f -> f > 0).count();
        List<List<Integer>> groups = groups(table);
        for (int g = 0; g < groups.size(); g++) {
            List<Integer> rows = groups.get(g);
            if (table.labels() != null && rows.size() < partsNeeded) {
                throw new DatasetException(dataset + ": class '" + table.classNames().get(g) + "' has " + rows.size()
                        + " row" + (rows.size() == 1 ? "" : "s") + ", too few for one in each of the " + partsNeeded
                        + " parts (training, validation" + (partsNeeded > 2 ? ", test" : "") + "); add rows of it,"
                        + " or drop the class from the file");
            }
            Collections.shuffle(rows, random);
            int start = 0;
            for (int p = 0; p < fractions.length; p++) {
                int size = (int) Math.round(rows.size() * fractions[p]);
                if (fractions[p] > 0 && table.labels() != null) size = Math.max(1, size);
                size = Math.min(size, rows.size() - start - 1); // the last part keeps one row at least
                parts.get(p).addAll(rows.subList(start, start + Math.max(0, size)));
                start += Math.max(0, size);
            }
            parts.get(fractions.length).addAll(rows.subList(start, rows.size()));
        }
        return tables(table, parts, random);
    }

    /**
     * {@code k} parts of about equal size, class by class (each class dealt round-robin after a seeded shuffle,
     * as scikit-learn's StratifiedKFold), for k-fold evaluation.
     */
    static List<LabeledTable> folds(LabeledTable table, String dataset, long seed, int k) {
        Random random = new Random(seed);
        List<List<Integer>> parts = new ArrayList<>();
        for (int p = 0; p < k; p++) parts.add(new ArrayList<>());
        List<List<Integer>> groups = groups(table);
        int next = 0;
        for (int g = 0; g < groups.size(); g++) {
            List<Integer> rows = groups.get(g);
            if (table.labels() != null && rows.size() < k) {
                throw new DatasetException(dataset + ": class '" + table.classNames().get(g) + "' has " + rows.size()
                        + " rows outside the test part, too few for one in each of " + k + " folds; lower kfold");
            }
            Collections.shuffle(rows, random);
            for (int row : rows) parts.get(next++ % k).add(row);
        }
        return tables(table, parts, random);
    }

    private static List<List<Integer>> groups(LabeledTable table) {
        List<List<Integer>> groups = new ArrayList<>();
        if (table.labels() == null) {
            List<Integer> all = new ArrayList<>();
            for (int r = 0; r < table.rows(); r++) all.add(r);
            groups.add(all);
            return groups;
        }
        for (int label = 0; label < table.classNames().size(); label++) groups.add(new ArrayList<>());
        for (int r = 0; r < table.rows(); r++) groups.get(table.labels()[r]).add(r);
        return groups;
    }

    private static List<LabeledTable> tables(LabeledTable table, List<List<Integer>> parts, Random random) {
        List<LabeledTable> tables = new ArrayList<>();
        for (List<Integer> part : parts) {
            // Shuffle across classes too, or mini-batches would see one class after another.
            Collections.shuffle(part, random);
            tables.add(table.select(part.stream().mapToInt(Integer::intValue).toArray()));
        }
        return tables;
    }

    /** The rows of every table, in order (the training part of a fold: every other fold). */
    static LabeledTable join(List<LabeledTable> tables) {
        int rows = tables.stream().mapToInt(LabeledTable::rows).sum();
        LabeledTable first = tables.get(0);
        List<float[]> x = new ArrayList<>();
        List<String[]> text = new ArrayList<>();
        int[] labels = first.labels() == null ? null : new int[rows];
        double[] targets = first.targets() == null ? null : new double[rows];
        int at = 0;
        for (LabeledTable table : tables) {
            for (int r = 0; r < table.rows(); r++, at++) {
                x.add(table.features()[r]);
                text.add(table.text()[r]);
                if (labels != null) labels[at] = table.labels()[r];
                if (targets != null) targets[at] = table.targets()[r];
            }
        }
        return new LabeledTable(x.toArray(float[][]::new), text.toArray(String[][]::new), first.columns(), first.labelName(), labels,
                targets, first.classNames(), first.image());
    }
}
