package io.tune4j.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renames, copies and deletes whole studies inside the caller's transaction. Every table that hangs off a
 * study or a trial is listed once here, so a table a later schema adds is one line in each list.
 */
final class StudyLifecycle {
    /** Tables keyed by the study, and their columns besides {@code study_id}. */
    private static final Map<String, String> STUDY_TABLES = new LinkedHashMap<>();
    /** Tables keyed by the trial, and their columns besides {@code trial_id}. */
    private static final Map<String, String> TRIAL_TABLES = new LinkedHashMap<>();

    static {
        STUDY_TABLES.put("study_params", "name, kind, min_num, max_num");
        STUDY_TABLES.put("study_param_choices", "name, value_text");
        STUDY_TABLES.put("study_distributions", "name, distribution, low, high");
        STUDY_TABLES.put("study_distribution_choices", "name, position, value_text");
        STUDY_TABLES.put("study_notes", "body, updated_at");
        TRIAL_TABLES.put("trial_params", "name, kind, value_text, value_num");
        TRIAL_TABLES.put("trial_values", "step, metric, metric_value");
        TRIAL_TABLES.put("trial_attrs", "name, attr_value");
        TRIAL_TABLES.put("trial_notes", "body, updated_at");
    }

    private static final String TRIAL_COLUMNS = "number, state, objective_value, seed, worker, device, error,"
            + " started_at, finished_at, heartbeat_at";

    private StudyLifecycle() {}

    static void rename(Connection connection, long studyId, String newName) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE studies SET name = ? WHERE study_id = ?")) {
            update.setString(1, newName);
            update.setLong(2, studyId);
            update.executeUpdate();
        }
    }

    /** A new study {@code newName} holding all of study {@code studyId}: trials, params, curves, notes. */
    static void copy(Connection connection, long studyId, String newName) throws SQLException {
        long copy;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO studies (name, direction, metric, sampler, seed, next_trial_number, source, created_at)"
                        + " SELECT ?, direction, metric, sampler, seed, next_trial_number, source, created_at"
                        + " FROM studies WHERE study_id = ?", new String[] {"STUDY_ID"})) {
            insert.setString(1, newName);
            insert.setLong(2, studyId);
            insert.executeUpdate();
            copy = key(insert);
        }
        for (Map.Entry<String, String> table : STUDY_TABLES.entrySet()) {
            copyRows(connection, table.getKey(), "study_id", table.getValue(), studyId, copy);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO trials (study_id, " + TRIAL_COLUMNS
                + ") SELECT ?, " + TRIAL_COLUMNS + " FROM trials WHERE trial_id = ?", new String[] {"TRIAL_ID"})) {
            for (long trial : trialIds(connection, studyId)) {
                insert.setLong(1, copy);
                insert.setLong(2, trial);
                insert.executeUpdate();
                long trialCopy = key(insert);
                for (Map.Entry<String, String> table : TRIAL_TABLES.entrySet()) {
                    copyRows(connection, table.getKey(), "trial_id", table.getValue(), trial, trialCopy);
                }
            }
        }
    }

    static void delete(Connection connection, long studyId) throws SQLException {
        for (String table : TRIAL_TABLES.keySet()) {
            execute(connection, "DELETE FROM " + table + " WHERE trial_id IN (SELECT trial_id FROM trials"
                    + " WHERE study_id = ?)", studyId);
        }
        execute(connection, "DELETE FROM trials WHERE study_id = ?", studyId);
        for (String table : STUDY_TABLES.keySet()) execute(connection, "DELETE FROM " + table + " WHERE study_id = ?", studyId);
        execute(connection, "DELETE FROM studies WHERE study_id = ?", studyId);
    }

    private static void copyRows(Connection connection, String table, String key, String columns, long from, long to)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (" + key + ", "
                + columns + ") SELECT ?, " + columns + " FROM " + table + " WHERE " + key + " = ?")) {
            insert.setLong(1, to);
            insert.setLong(2, from);
            insert.executeUpdate();
        }
    }

    private static List<Long> trialIds(Connection connection, long studyId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT trial_id FROM trials WHERE study_id = ? ORDER BY number")) {
            query.setLong(1, studyId);
            try (ResultSet rs = query.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) ids.add(rs.getLong(1));
                return ids;
            }
        }
    }

    private static long key(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }
}
