package io.tune4j.store;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.StudyRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** A study's row read back, by its name (the CLI's key) or its id (the dashboard's). */
public final class StudyRows {
    private static final String SELECT =
            "SELECT study_id, name, direction, metric, sampler, seed, source, created_at FROM studies WHERE ";

    private StudyRows() {}

    public static Optional<StudyRecord> byName(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SELECT + "name = ?")) {
            query.setString(1, name);
            return first(query);
        }
    }

    public static Optional<StudyRecord> byId(Connection connection, long studyId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SELECT + "study_id = ?")) {
            query.setLong(1, studyId);
            return first(query);
        }
    }

    private static Optional<StudyRecord> first(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            StudyDefinition definition = new StudyDefinition(rs.getString(2), Direction.valueOf(rs.getString(3)),
                    rs.getString(4), rs.getString(7));
            return Optional.of(new StudyRecord(rs.getLong(1), definition, rs.getString(5), rs.getLong(6),
                    rs.getTimestamp(8).toInstant()));
        }
    }
}
