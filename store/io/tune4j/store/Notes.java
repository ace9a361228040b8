package io.tune4j.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Writes the Markdown note of a study or of one of its trials (schema 3); an empty text removes it. */
final class Notes {
    private Notes() {}

    static void ofStudy(Connection connection, long studyId, String markdown) throws SQLException {
        write(connection, "study_notes", "study_id", studyId, markdown);
    }

    /** Adds a paragraph to the end of the study's note (a new note if it has none). */
    static void appendToStudy(Connection connection, long studyId, String markdown) throws SQLException {
        String body = "";
        try (PreparedStatement find = connection.prepareStatement("SELECT body FROM study_notes WHERE study_id = ?")) {
            find.setLong(1, studyId);
            try (var rs = find.executeQuery()) {
                if (rs.next()) body = rs.getString(1) + "\n\n";
            }
        }
        ofStudy(connection, studyId, body + markdown);
    }

    /** False when the study has no trial {@code number}. */
    static boolean ofTrial(Connection connection, long studyId, int number, String markdown) throws SQLException {
        Long trialId = null;
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT trial_id FROM trials WHERE study_id = ? AND number = ?")) {
            find.setLong(1, studyId);
            find.setInt(2, number);
            try (var rs = find.executeQuery()) {
                if (rs.next()) trialId = rs.getLong(1);
            }
        }
        if (trialId == null) return false;
        write(connection, "trial_notes", "trial_id", trialId, markdown);
        return true;
    }

    private static void write(Connection connection, String table, String key, long id, String markdown)
            throws SQLException {
        if (markdown.isBlank()) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE " + key + " = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            return;
        }
        try (PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO " + table + " (" + key + ", body, updated_at) KEY (" + key + ") VALUES (?, ?, ?)")) {
            merge.setLong(1, id);
            merge.setString(2, markdown);
            merge.setTimestamp(3, Timestamp.from(Instant.now()));
            merge.executeUpdate();
        }
    }
}
