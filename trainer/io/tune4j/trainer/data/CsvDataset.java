package io.tune4j.trainer.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A user's CSV file: numeric feature columns and one label column (integers or names). Every problem is
 * reported with the file, line and column, because that is where the user has to go to fix it.
 */
final class CsvDataset {
    private final Path path;
    private final String label;
    private final Boolean header;

    CsvDataset(DatasetSpec.Csv spec) {
        this.path = spec.path();
        this.label = spec.label() == null ? "last" : spec.label();
        this.header = spec.header();
    }

    LabeledTable read() {
        List<CSVRecord> records = records();
        if (records.isEmpty()) throw new DatasetException(path + ": the CSV file is empty");
        int width = records.get(0).size();
        boolean hasHeader = header != null ? header : looksLikeHeader(records.get(0));
        List<String> names = hasHeader ? records.get(0).toList() : List.of();
        int labelColumn = labelColumn(width, names);
        List<CSVRecord> rows = hasHeader ? records.subList(1, records.size()) : records;
        if (rows.isEmpty()) throw new DatasetException(path + ": the CSV file has a header but no rows");

        float[][] features = new float[rows.size()][width - 1];
        List<String> labels = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            CSVRecord row = rows.get(r);
            if (row.size() != width) {
                throw new DatasetException(path + " line " + row.getRecordNumber() + ": " + row.size()
                        + " columns where the first line has " + width);
            }
            int f = 0;
            for (int c = 0; c < width; c++) {
                if (c == labelColumn) labels.add(row.get(c).trim());
                else features[r][f++] = number(row, c, names);
            }
        }
        return classify(features, labels);
    }

    private List<CSVRecord> records() {
        if (!Files.isRegularFile(path)) throw new DatasetException("CSV file not found: " + path);
        try (Reader reader = Files.newBufferedReader(path)) {
            return CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).build().parse(reader).getRecords();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DatasetException(path + ": cannot read the CSV file: " + e.getMessage(), e);
        }
    }

    /** A first line with a cell that is not a number, in a column other than the label, names the columns. */
    private boolean looksLikeHeader(CSVRecord first) {
        int labelColumn = switch (label) {
            case "last" -> first.size() - 1;
            case "first" -> 0;
            default -> label.matches("\\d+") ? Integer.parseInt(label) : -1;
        };
        if (labelColumn < 0) return true; // the label is named, so there must be names
        for (int c = 0; c < first.size(); c++) {
            if (c != labelColumn && !isNumber(first.get(c))) return true;
        }
        return false;
    }

    private int labelColumn(int width, List<String> names) {
        if (width < 2) throw new DatasetException(path + ": needs at least one feature column and a label column");
        if (label.equals("last")) return width - 1;
        if (label.equals("first")) return 0;
        if (label.matches("\\d+")) {
            int index = Integer.parseInt(label);
            if (index >= width) {
                throw new DatasetException(path + ": label column " + index + " does not exist (the file has "
                        + width + " columns, numbered from 0)");
            }
            return index;
        }
        int index = names.indexOf(label);
        if (index < 0) {
            throw new DatasetException(path + ": no column named '" + label + "' in the header " + names);
        }
        return index;
    }

    private float number(CSVRecord row, int column, List<String> names) {
        String cell = row.get(column);
        try {
            return Float.parseFloat(cell);
        } catch (NumberFormatException e) {
            String name = names.isEmpty() ? "" : " ('" + names.get(column) + "')";
            throw new DatasetException(path + " line " + row.getRecordNumber() + ", column " + (column + 1) + name
                    + ": '" + cell + "' is not a number");
        }
    }

    /** Class indices in the natural order of the labels: numerically when they are all numbers. */
    private LabeledTable classify(float[][] features, List<String> labels) {
        boolean numeric = labels.stream().allMatch(CsvDataset::isNumber);
        Comparator<String> order = numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
        TreeSet<String> distinct = new TreeSet<>(order);
        distinct.addAll(labels);
        if (distinct.size() < 2) {
            throw new DatasetException(path + ": the label column holds " + distinct.size()
                    + " class; classification needs at least 2");
        }
        List<String> classNames = List.copyOf(distinct);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classNames.size(); i++) index.put(classNames.get(i), i);
        int[] y = labels.stream().mapToInt(index::get).toArray();
        return new LabeledTable(features, y, classNames);
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
