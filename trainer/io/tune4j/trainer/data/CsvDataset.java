package io.tune4j.trainer.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV table: numeric and categorical feature columns and one label column (class names or numbers, or a
 * regression target). Every problem is reported with the file, line and column, because that is where the user
 * has to go to fix it.
 */
final class CsvDataset {
    /**
     * More distinct numbers than this in an undeclared label make it look continuous. 30 lets a 26-letter
     * alphabet coded as numbers pass as classes; an age, a price or a mass has far more.
     */
    private static final int MAX_CLASSES_UNDECLARED = 30;

    private final CsvFile file;
    private final TableColumns declared;
    private final Boolean header;

    CsvDataset(DatasetSpec.Csv spec) {
        this.file = spec.file();
        this.declared = spec.columns();
        this.header = spec.header();
    }

    /** Reads the table for {@code task}; with none declared, a label that looks continuous is refused. */
    LabeledTable read(Optional<Task> task) {
        List<CSVRecord> records = records();
        if (records.isEmpty()) throw new DatasetException(file.displayName() + ": the CSV file is empty");
        int width = records.get(0).size();
        boolean hasHeader = header != null ? header : looksLikeHeader(records.get(0));
        List<String> names = hasHeader ? records.get(0).toList() : List.of();
        int labelColumn = labelColumn(width, names);
        List<CSVRecord> rows = hasHeader ? records.subList(1, records.size()) : records;
        if (rows.isEmpty()) throw new DatasetException(file.displayName() + ": the CSV file has a header but no rows");
        int[] positions = positions(width, names, labelColumn);
        List<FeatureColumn> columns = featureColumns(positions, names);
        String labelName = name(names, labelColumn);
        MissingValues.Strategy labelMissing = declared.missing().of(labelName);

        List<float[]> numbers = new ArrayList<>();
        List<String[]> words = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (CSVRecord row : rows) {
            if (row.size() != width) {
                throw new DatasetException(file.displayName() + " line " + row.getRecordNumber() + ": " + row.size()
                        + " columns where the first line has " + width);
            }
            String label = row.get(labelColumn).trim();
            if (MissingValues.isMissing(label)) {
                if (labelMissing == MissingValues.Strategy.DROP) continue;
                throw new DatasetException(where(row, labelColumn, names) + ": the label is missing; declare"
                        + " missing: {" + labelName + ": drop} to leave such rows out (a label is never filled in)");
            }
            Optional<Cells> cells = cells(row, columns, positions, names);
            if (cells.isEmpty()) continue; // a missing cell in a column whose rows are dropped
            numbers.add(cells.get().numbers);
            words.add(cells.get().words);
            labels.add(label);
        }
        if (labels.isEmpty()) throw new DatasetException(file.displayName() + ": every row was dropped for a missing cell");
        float[][] features = numbers.toArray(float[][]::new);
        String[][] text = words.toArray(String[][]::new);
        boolean numericLabels = labels.stream().allMatch(CsvDataset::isNumber);
        Task chosen = task.orElseGet(() -> undeclaredTask(labels, numericLabels, labelName));
        if (chosen == Task.REGRESSION) {
            double[] targets = new double[labels.size()];
            for (int r = 0; r < targets.length; r++) targets[r] = target(labels.get(r), labelName);
            return new LabeledTable(features, text, columns, labelName, null, targets, List.of(), Optional.empty());
        }
        return classify(features, text, columns, labels, numericLabels, chosen, labelName);
    }

    private record Cells(float[] numbers, String[] words) {}

    private Optional<Cells> cells(CSVRecord row, List<FeatureColumn> columns, int[] positions, List<String> names) {
        long numeric = columns.stream().filter(c -> !c.categorical()).count();
        float[] numbers = new float[(int) numeric];
        String[] words = new String[columns.size() - (int) numeric];
        for (int i = 0; i < columns.size(); i++) {
            FeatureColumn column = columns.get(i);
            String cell = row.get(positions[i]).trim();
            boolean missing = MissingValues.isMissing(cell);
            if (missing) {
                switch (column.missing()) {
                    case DROP: return Optional.empty();
                    case REFUSE: throw new DatasetException(where(row, positions[i], names) + ": missing value ('" + cell
                            + "'); declare missing: drop, mean, median or most_frequent for this column");
                    default: break;
                }
            }
            if (column.categorical()) words[column.index()] = missing ? null : cell;
            else numbers[column.index()] = missing ? Float.NaN : number(row, positions[i], names);
        }
        return Optional.of(new Cells(numbers, words));
    }

    private List<CSVRecord> records() {
        try (Reader reader = file.open()) {
            return CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).build().parse(reader).getRecords();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DatasetException(file.displayName() + ": cannot read the CSV file: " + e.getMessage(), e);
        }
    }

    /** A first line with a cell that is not a number, in a column other than the label, names the columns. */
    private boolean looksLikeHeader(CSVRecord first) {
        String label = declared.label();
        int labelColumn = switch (label) {
            case "last" -> first.size() - 1;
            case "first" -> 0;
            default -> label.matches("\\d+") ? Integer.parseInt(label) : -1;
        };
        if (labelColumn < 0) return true; // the label is named, so there must be names
        for (int c = 0; c < first.size(); c++) {
            if (c != labelColumn && !isNumber(first.get(c)) && !MissingValues.isMissing(first.get(c))) return true;
        }
        return false;
    }

    private int labelColumn(int width, List<String> names) {
        String label = declared.label();
        if (width < 2) throw new DatasetException(file.displayName() + ": needs at least one feature column and a label column");
        if (label.equals("last")) return width - 1;
        if (label.equals("first")) return 0;
        if (label.matches("\\d+")) {
            int index = Integer.parseInt(label);
            if (index >= width) {
                throw new DatasetException(file.displayName() + ": label column " + index + " does not exist (the file has "
                        + width + " columns, numbered from 0)");
            }
            return index;
        }
        return column(names, label, "label");
    }

    private int column(List<String> names, String name, String role) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new DatasetException(file.displayName() + ": no column named '" + name + "' (" + role + ") in the header "
                    + names);
        }
        return index;
    }

    /** The file positions of the feature columns, in file order. */
    private int[] positions(int width, List<String> names, int labelColumn) {
        Set<Integer> chosen = new LinkedHashSet<>();
        if (declared.features().isPresent()) {
            for (String name : declared.features().get()) chosen.add(column(names, name, "features"));
            chosen.remove(labelColumn);
            return chosen.stream().sorted().mapToInt(Integer::intValue).toArray();
        }
        Set<Integer> ignored = new LinkedHashSet<>();
        for (String name : declared.ignore()) ignored.add(column(names, name, "ignore"));
        for (int c = 0; c < width; c++) if (c != labelColumn && !ignored.contains(c)) chosen.add(c);
        if (chosen.isEmpty()) throw new DatasetException(file.displayName() + ": no feature column is left");
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private List<FeatureColumn> featureColumns(int[] positions, List<String> names) {
        for (String name : declared.categorical()) column(names, name, "categorical");
        for (String name : declared.missing().perColumn().keySet()) column(names, name, "missing");
        List<FeatureColumn> columns = new ArrayList<>();
        int numeric = 0;
        int text = 0;
        for (int position : positions) {
            String name = name(names, position);
            boolean categorical = declared.categorical().contains(name);
            MissingValues.Strategy missing = declared.missing().of(name);
            if (categorical && (missing == MissingValues.Strategy.MEAN || missing == MissingValues.Strategy.MEDIAN)
                    && declared.missing().perColumn().containsKey(name)) {
                throw new DatasetException(file.displayName() + ", column '" + name + "': categorical, so missing: "
                        + missing.key() + " cannot fill it; use most_frequent, drop or refuse");
            }
            // A dataset-wide mean or median fills the numeric columns; a categorical one takes its most frequent.
            if (categorical && (missing == MissingValues.Strategy.MEAN || missing == MissingValues.Strategy.MEDIAN)) {
                missing = MissingValues.Strategy.MOST_FREQUENT;
            }
            columns.add(new FeatureColumn(name, categorical, categorical ? text++ : numeric++, missing));
        }
        return columns;
    }

    private static String name(List<String> names, int position) {
        return names.isEmpty() ? "column_" + (position + 1) : names.get(position);
    }

    private String where(CSVRecord row, int column, List<String> names) {
        String name = names.isEmpty() ? "" : " ('" + names.get(column) + "')";
        return file.displayName() + " line " + row.getRecordNumber() + ", column " + (column + 1) + name;
    }

    private float number(CSVRecord row, int column, List<String> names) {
        String cell = row.get(column);
        try {
            return Float.parseFloat(cell);
        } catch (NumberFormatException e) {
            throw new DatasetException(where(row, column, names) + ": '" + cell + "' is not a number; declare the"
                    + " column in categorical: to one-hot encode it, or in ignore: to leave it out");
        }
    }

    private double target(String cell, String labelName) {
        try {
            double value = Double.parseDouble(cell);
            if (Double.isFinite(value)) return value;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DatasetException(file.displayName() + ", label column '" + labelName + "': '" + cell
                + "' is not a number, and task: regression predicts a number");
    }

    /** With no task declared: classes, unless the label is numbers that look continuous (then refuse; never guess). */
    private Task undeclaredTask(List<String> labels, boolean numeric, String labelName) {
        if (!numeric) return Task.CLASSIFICATION;
        Set<Double> distinct = new TreeSet<>();
        boolean fractional = false;
        for (String label : labels) {
            double value = Double.parseDouble(label);
            distinct.add(value);
            fractional |= value != Math.rint(value);
        }
        if (fractional || distinct.size() > MAX_CLASSES_UNDECLARED) {
            throw new DatasetException(file.displayName() + ", label column '" + labelName + "': " + distinct.size()
                    + " distinct numbers" + (fractional ? ", some fractional," : "") + " look like a continuous target;"
                    + " declare task: regression to predict the number, or task: classification to treat each value"
                    + " as a class");
        }
        return Task.CLASSIFICATION;
    }

    /** Class indices in the natural order of the labels: numerically when they are all numbers. */
    private LabeledTable classify(float[][] features, String[][] text, List<FeatureColumn> columns, List<String> labels,
                                  boolean numeric, Task task, String labelName) {
        Comparator<String> order = numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
        TreeSet<String> distinct = new TreeSet<>(order);
        distinct.addAll(labels);
        if (distinct.size() < 2) {
            throw new DatasetException(file.displayName() + ": the label column holds " + distinct.size()
                    + " class; classification needs at least 2");
        }
        if (task == Task.BINARY && distinct.size() != 2) {
            throw new DatasetException(file.displayName() + ", label column '" + labelName + "': task: binary needs 2"
                    + " classes, found " + distinct.size() + " " + List.copyOf(distinct).subList(0, Math.min(5, distinct.size())));
        }
        List<String> classNames = List.copyOf(distinct);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classNames.size(); i++) index.put(classNames.get(i), i);
        int[] y = labels.stream().mapToInt(index::get).toArray();
        return new LabeledTable(features, text, columns, labelName, y, null, classNames, Optional.empty());
    }

    static boolean isNumber(String cell) {
        try {
            return Double.isFinite(Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
