package io.tune4j.store;

import io.tune4j.search.space.Distribution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A study's declared space (schema 3), replaced inside the caller's transaction or read back. */
public final class StoredDistributions {
    private StoredDistributions() {}

    /** The declared params in name order, each with all its choices in declared order. */
    public static List<Distribution> read(Connection connection, long studyId) throws SQLException {
        Map<String, List<String>> choices = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT name, value_text"
                + " FROM study_distribution_choices WHERE study_id = ? ORDER BY name, position")) {
            query.setLong(1, studyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) choices.computeIfAbsent(rs.getString(1), name -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        List<Distribution> declared = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT name, distribution, low, high FROM study_distributions WHERE study_id = ? ORDER BY name")) {
            query.setLong(1, studyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    declared.add(new Distribution(name, rs.getString(2), rs.getObject(3, Double.class),
                            rs.getObject(4, Double.class), choices.getOrDefault(name, List.of())));
                }
            }
        }
        return declared;
    }

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
