package io.tune4j.trainer.data;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table's rows written back as the raw cells they were read from: numbers as parsed (a float prints as the
 * shortest text that parses back to it, so nothing is lost), text as it was, a missing cell empty, then the label
 * (a class name or the target).
 */
final class RawCsv {
    private RawCsv() {}

    static String of(LabeledTable table) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT)) {
            List<String> header = new ArrayList<>();
            int width = table.columns().isEmpty() ? table.features()[0].length : table.columns().size();
            for (int c = 0; c < width; c++) {
                header.add(table.columns().isEmpty() ? "column_" + (c + 1) : table.columns().get(c).name());
            }
            header.add(table.labelName());
            printer.printRecord(header);
            for (int r = 0; r < table.rows(); r++) {
                List<String> row = new ArrayList<>();
                if (table.columns().isEmpty()) {
                    for (float value : table.features()[r]) row.add(Float.toString(value));
                } else {
                    for (FeatureColumn column : table.columns()) row.add(cell(table, r, column));
                }
                row.add(table.regression() ? Double.toString(table.targets()[r])
                        : table.classNames().get(table.labels()[r]));
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String cell(LabeledTable table, int row, FeatureColumn column) {
        if (column.categorical()) {
            String value = table.text()[row][column.index()];
            return value == null ? "" : value;
        }
        float value = table.features()[row][column.index()];
        return Float.isNaN(value) ? "" : Float.toString(value);
    }
}
