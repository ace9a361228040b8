package io.tune4j.store;

import io.tune4j.search.space.Distribution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Replaces a study's declared space (schema 3) inside the caller's transaction. */
final class StoredDistributions {
    private StoredDistributions() {}

    static void replace(Connection connection, long studyId, List<Distribution> distributions) throws SQLException {
        // Two runs starting a new study together both replace its space: without the study's row lock both
        // deleted nothing and the second insert broke the primary key (ManyMachinesTest once in 3 runs; H2StudyStoreTest.runsDeclaringTheSpaceOfOneStudyTogetherStoreItOnce).
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT study_id FROM studies WHERE study_id = ? FOR UPDATE")) {
            lock.setLong(1, studyId);
            lock.executeQuery().close();
        }
        for (String table : List.of("study_distribution_choices", "study_distributions")) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE study_id = ?")) {
                delete.setLong(1, studyId);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO study_distributions (study_id, name, distribution, low, high) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement choice = connection.prepareStatement(
                "INSERT INTO study_distribution_choices (study_id, name, position, value_text) VALUES (?, ?, ?, ?)")) {
            for (Distribution distribution : distributions) {
                insert.setLong(1, studyId);
                insert.setString(2, distribution.name());
                insert.setString(3, distribution.type());
                insert.setObject(4, distribution.low());
                insert.setObject(5, distribution.high());
                insert.addBatch();
                for (int i = 0; i < distribution.choices().size(); i++) {
                    choice.setLong(1, studyId);
                    choice.setString(2, distribution.name());
                    choice.setInt(3, i);
                    choice.setString(4, distribution.choices().get(i));
                    choice.addBatch();
                }
            }
            insert.executeBatch();
            choice.executeBatch();
        }
    }
}
