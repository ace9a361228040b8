package io.tune4j.trainer.data;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real tables shipped in the jar (see datasets/ATTRIBUTION.md), each read as a CSV table with the columns and
 * task it is known for; a study may declare its own task. Cars uses the six features of the scikit-learn reference
 * the issue measured (Name and the date-like Year left out, Origin one-hot, gaps filled with the median, the 8 cars
 * without a fuel consumption dropped); Seattle weather its four numbers (the date left out).
 */
public enum BuiltInTable {
    DIABETES("diabetes", "diabetes.csv", Task.REGRESSION, TableColumns.labelled("progression")),
    CARS("cars", "cars.csv", Task.REGRESSION, new TableColumns("Miles_per_Gallon", Optional.empty(),
            List.of("Name", "Year"), List.of("Origin"),
            new MissingValues(MissingValues.Strategy.MEDIAN,
                    Map.of("Miles_per_Gallon", MissingValues.Strategy.DROP)))),
    SEATTLE_WEATHER("seattle-weather", "seattle-weather.csv", Task.CLASSIFICATION,
            new TableColumns("weather", Optional.empty(), List.of("date"), List.of(), MissingValues.REFUSE));

    private final String label;
    private final String file;
    private final Task task;
    private final TableColumns columns;

    BuiltInTable(String label, String file, Task task, TableColumns columns) {
        this.label = label;
        this.file = file;
        this.task = task;
        this.columns = columns;
    }

    public String label() {
        return label;
    }

    /** The task the table is known for, used when a study declares none. */
    public Task task() {
        return task;
    }

    public DatasetSpec.Csv spec() {
        return new DatasetSpec.Csv(CsvFile.builtIn(file), columns, true);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(BuiltInTable::label).toList();
    }

    /** The built-in table {@code csv} reads, if it is one. */
    public static Optional<BuiltInTable> of(DatasetSpec.Csv csv) {
        return Arrays.stream(values()).filter(table -> table.spec().file().equals(csv.file())).findFirst();
    }

    public static Optional<BuiltInTable> named(String name) {
        return Arrays.stream(values()).filter(table -> table.label.equals(name)).findFirst();
    }
}
