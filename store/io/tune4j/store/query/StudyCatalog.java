package io.tune4j.store.query;

import io.tune4j.search.study.StudyRecord;
import io.tune4j.store.StudyRows;
import java.sql.Connection;
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
        return StudyRows.byId(connection, studyId);
    }
}
