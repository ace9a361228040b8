package io.tune4j.trainer.bundle;

import io.tune4j.trainer.data.DatasetException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV file to predict or evaluate, checked against what a model was trained on: a model of named
 * columns needs a header holding every one of them (in any order, other columns ignored); a model of unnamed
 * numbers needs rows of exactly that many cells, then the label when there is one. {@code labels} is empty when
 * the file has no label column.
 */
public record RawRows(List<String[]> cells, Optional<List<String>> labels, List<Long> lines) {

    public static RawRows read(Path csv, Tune4jModel model) {
        List<CSVRecord> records = records(csv);
        if (records.isEmpty()) throw new DatasetException(csv + ": the CSV file is empty");
        return model.featureNames().isEmpty() ? unnamed(csv, records, model) : named(csv, records, model);
    }

    private static RawRows named(Path csv, List<CSVRecord> records, Tune4jModel model) {
        List<String> header = records.get(0).toList();
        List<String> features = model.featureNames();
        int[] positions = new int[features.size()];
        for (int c = 0; c < features.size(); c++) {
            positions[c] = header.indexOf(features.get(c));
            if (positions[c] < 0) {
                throw new DatasetException(csv + " line 1: no column '" + features.get(c) + "'; the model takes "
                        + features);
            }
        }
        int label = header.indexOf(model.labelName());
        List<String[]> cells = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            if (record.size() != header.size()) {
                throw new DatasetException(csv + " line " + record.getRecordNumber() + ": " + record.size()
                        + " columns where the header has " + header.size());
            }
            String[] row = new String[positions.length];
            for (int c = 0; c < positions.length; c++) row[c] = record.get(positions[c]);
            cells.add(row);
            if (label >= 0) labels.add(record.get(label));
            lines.add(record.getRecordNumber());
        }
        return new RawRows(cells, label >= 0 ? Optional.of(labels) : Optional.empty(), lines);
    }

    private static RawRows unnamed(Path csv, List<CSVRecord> records, Tune4jModel model) {
        int width = model.rowWidth();
        boolean header = !isNumber(records.get(0).get(0));
        List<CSVRecord> rows = header ? records.subList(1, records.size()) : records;
        boolean labelled = !rows.isEmpty() && rows.get(0).size() == width + 1;
        List<String[]> cells = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (CSVRecord record : rows) {
            if (record.size() != width + (labelled ? 1 : 0)) {
                throw new DatasetException(csv + " line " + record.getRecordNumber() + ": " + record.size()
                        + " cells; the model takes " + width + " numbers per row, then optionally the label");
            }
            String[] row = new String[width];
            for (int c = 0; c < width; c++) row[c] = record.get(c);
            cells.add(row);
            if (labelled) labels.add(record.get(width));
            lines.add(record.getRecordNumber());
        }
        return new RawRows(cells, labelled ? Optional.of(labels) : Optional.empty(), lines);
    }

    private static List<CSVRecord> records(Path csv) {
        if (!Files.isRegularFile(csv)) throw new DatasetException("CSV file not found: " + csv);
        try (Reader reader = Files.newBufferedReader(csv)) {
            return CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).build().parse(reader).getRecords();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DatasetException(csv + ": cannot read the CSV file: " + e.getMessage(), e);
        }
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
