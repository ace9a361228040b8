package io.tune4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.store.query.ParamColumn;
import io.tune4j.store.query.ParamColumns;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-study param summary the dashboard's filters and axes come from. */
class ParamSummaryTest {
    @TempDir
    Path results;

    @Test
    void rangesAndChoicesFollowEveryStoredTrialOfTheirStudyOnly() {
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            long study = fill(store, "a");
            long other = store.openStudy(definition("b"), "random", 1).id();
            store.setParams(store.createTrial(other, "w").id(), Map.of("lr", 5.0, "optimizer", "nadam"));

            assertEquals(expected(), store.read(c -> ParamColumns.of(c, study)));
        }
    }

    @Test
    void aFileFromSchemaOneGetsItsSummaryWhenOpened() throws Exception {
        long study;
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            study = fill(store, "a");
        }
        // What a tune4j before the summary left behind: no summary rows, schema version 1. The file is opened
        // directly, as an old version did, once the folder's database server has closed it.
        H2StudyStore.stopServer(results);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + results.resolve("tune4j"),
                Credentials.of(results).adminUser(), Credentials.of(results).adminPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE study_param_choices");
            statement.execute("DROP TABLE study_params");
            statement.execute("UPDATE schema_version SET version = 1");
        }
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            assertEquals(expected(), store.read(c -> ParamColumns.of(c, study)));
        }
    }

    private static long fill(H2StudyStore store, String name) {
        long study = store.openStudy(definition(name), "random", 1).id();
        store.setParams(store.createTrial(study, "w").id(), Map.of("lr", 0.01, "units", 64, "optimizer", "adam"));
        store.setParams(store.createTrial(study, "w").id(), Map.of("lr", 0.001, "units", 16, "optimizer", "sgd",
                "momentum", 0.9));
        store.setParams(store.createTrial(study, "w").id(), Map.of("lr", 0.1, "units", 32, "optimizer", "adam",
                "nesterov", true));
        return study;
    }

    private static List<ParamColumn> expected() {
        return List.of(
                new ParamColumn("lr", "float", 0.001, 0.1, List.of(), null),
                new ParamColumn("momentum", "float", 0.9, 0.9, List.of(), null),
                new ParamColumn("nesterov", "bool", 1.0, 1.0, List.of("true"), null),
                new ParamColumn("optimizer", "string", null, null, List.of("adam", "sgd"), null),
                new ParamColumn("units", "int", 16.0, 64.0, List.of(), null));
    }

    private static StudyDefinition definition(String name) {
        return new StudyDefinition(name, Direction.MINIMIZE, "loss");
    }
}
