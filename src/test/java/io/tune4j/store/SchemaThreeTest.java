package io.tune4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tune4j.search.space.Distribution;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.Study;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.store.query.H2StudyQueries;
import io.tune4j.store.query.ParamColumn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema 3: the declared space of a study, notes, and files of schema 2 brought up to it when opened. */
class SchemaThreeTest {
    private static final SearchSpace SPACE = SearchSpace.builder().logUniform("lr", 1e-4, 1e-1)
            .choice("optimizer", "sgd", "adam").when("optimizer", "sgd", b -> b.uniform("momentum", 0.0, 0.9))
            .integer("units", 16, 64).build();

    @TempDir
    Path results;

    @Test
    void openingAStudyKeepsHowEachParamIsDeclared() {
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            Study study = Study.open(definition(), SPACE, new RandomSampler(1), store);
            study.optimize(trial -> 1.0, 1);
            List<ParamColumn> columns = new H2StudyQueries(store).params(study.record().id());
            assertEquals(List.of("lr", "momentum", "optimizer", "units"), columns.stream().map(ParamColumn::name).toList());
            assertEquals(new Distribution("lr", "log_uniform", 1e-4, 1e-1, List.of()), columns.get(0).declared());
            assertEquals(List.of("sgd", "adam"), columns.get(2).declared().choices(), "declared order");
            assertEquals("int", columns.get(3).declared().type());
        }
    }

    @Test
    void aFileOfSchemaTwoIsUpgradedAndItsStudiesGetTheirSpaceWhenContinued() throws Exception {
        long id;
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            id = store.openStudy(definition(), "random", 1).id();
            store.setParams(store.createTrial(id, "w").id(), Map.of("lr", 0.01, "optimizer", "adam", "units", 32));
        }
        // What a tune4j of schema 2 left behind: no schema-3 tables. The file is opened directly, as an old
        // version did, once the folder's database server has closed it.
        H2StudyStore.stopServer(results);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + results.resolve("tune4j"),
                Credentials.of(results).adminUser(), Credentials.of(results).adminPassword());
             Statement statement = connection.createStatement()) {
            for (String table : List.of("study_distribution_choices", "study_distributions", "study_notes", "trial_notes")) {
                statement.execute("DROP TABLE " + table);
            }
            statement.execute("UPDATE schema_version SET version = 2");
        }
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            H2StudyQueries queries = new H2StudyQueries(store);
            assertNull(queries.params(id).get(0).declared(), "nothing declared yet: the observed range is used");
            store.noteStudy(id, "kept");
            assertEquals("kept", queries.studyNote(id).orElseThrow().markdown());
            Study.open(definition(), SPACE, new RandomSampler(1), store);
            assertEquals("log_uniform", queries.params(id).get(0).declared().type());
        }
        H2StudyStore.stopServer(results);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + results.resolve("tune4j"),
                Credentials.of(results).adminUser(), Credentials.of(results).adminPassword());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            assertEquals(3, rs.getInt(1));
        }
    }

    private static StudyDefinition definition() {
        return new StudyDefinition("s", Direction.MINIMIZE, "loss");
    }
}
