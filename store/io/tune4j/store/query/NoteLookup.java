package io.tune4j.store.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The notes of a study and of its trials (schema 3). */
final class NoteLookup {
    private NoteLookup() {}

    static Optional<Note> ofStudy(Connection connection, long studyId) throws SQLException {
        return read(connection, "SELECT body, updated_at FROM study_notes WHERE study_id = ?", studyId);
    }

    static Optional<Note> ofTrial(Connection connection, long studyId, int number) throws SQLException {
        return read(connection, "SELECT n.body, n.updated_at FROM trial_notes n JOIN trials t ON t.trial_id = n.trial_id"
                + " WHERE t.study_id = ? AND t.number = ?", studyId, number);
    }

    private static Optional<Note> read(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) query.setObject(i + 1, args[i]);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Note(rs.getString(1), rs.getTimestamp(2).toInstant()));
            }
        }
    }
}
