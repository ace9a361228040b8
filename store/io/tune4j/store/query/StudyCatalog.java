package io.tune4j.store.query;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.StudyRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Studies by their key: the dashboard's addresses use ids, since a study's name may hold any character. */
public final class StudyCatalog {
    private StudyCatalog() {}

    /** Every study's id by its name. */
    public static Map<String, Long> ids(Connection connection) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name, study_id FROM studies")) {
            while (rs.next()) ids.put(rs.getString(1), rs.getLong(2));
        }
        return ids;
    }

    public static Optional<StudyRecord> byId(Connection connection, long studyId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT name, direction, metric, sampler, seed, source, created_at FROM studies WHERE study_id = ?")) {
            query.setLong(1, studyId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                StudyDefinition definition = new StudyDefinition(rs.getString(1), Direction.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6));
                return Optional.of(new StudyRecord(studyId, definition, rs.getTimestamp(7).toInstant()));
            }
        }
    }
}
