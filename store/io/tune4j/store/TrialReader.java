package io.tune4j.store;

import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads trials with their params and attributes in three queries however many trials there are: the trial
 * rows, then all their params, then all their attributes, joined in memory. Public for the read-side queries
 * of {@code io.tune4j.store.query}, which select trial rows their own way and then reuse these steps.
 */
public final class TrialReader {
    /** The trial columns {@link #rows} expects, in this order. */
    public static final String COLUMNS =
            "trial_id, number, state, objective_value, seed, started_at, finished_at, worker, device, error";

    private final Database database;

    TrialReader(Database database) {
        this.database = database;
    }

    List<TrialRecord> ofStudy(long studyId) {
        return database.read(connection -> read(connection,
                "SELECT " + COLUMNS + " FROM trials WHERE study_id = ? ORDER BY number",
                " IN (SELECT trial_id FROM trials WHERE study_id = ?)", studyId));
    }

    /** The best COMPLETE trials, read off the best-first index of the study's direction. */
    List<TrialRecord> best(long studyId, int limit) {
        return database.read(connection -> {
            String order = isMaximizing(connection, studyId) ? "DESC" : "ASC";
            List<TrialRecord> rows = rows(connection, "SELECT " + COLUMNS + " FROM trials"
                    + " WHERE study_id = ? AND state = 'COMPLETE'"
                    + " ORDER BY study_id, state, objective_value " + order + ", number LIMIT ?",
                    studyId, limit);
            return withDetails(connection, rows);
        });
    }

    /** Trial {@code number} of the study, with its params and attributes. */
    Optional<TrialRecord> byNumber(long studyId, int number) {
        return database.read(connection -> {
            List<TrialRecord> rows = rows(connection, "SELECT " + COLUMNS + " FROM trials WHERE study_id = ?"
                    + " AND number = ?", studyId, number);
            return withDetails(connection, rows).stream().findFirst();
        });
    }

    static TrialRecord one(Connection connection, long trialId) throws SQLException {
        List<TrialRecord> rows = rows(connection, "SELECT " + COLUMNS + " FROM trials WHERE trial_id = ?", trialId);
        if (rows.isEmpty()) throw new SQLException("no trial with id " + trialId);
        return withDetails(connection, rows).get(0);
    }

    private static List<TrialRecord> read(Connection connection, String trialsSql, String idFilter, long studyId)
            throws SQLException {
        List<TrialRecord> rows = rows(connection, trialsSql, studyId);
        Map<Long, Map<String, Object>> params = params(connection, "WHERE trial_id" + idFilter, studyId);
        Map<Long, Map<String, String>> attrs = attributes(connection, "WHERE trial_id" + idFilter, studyId);
        return join(rows, params, attrs);
    }

    /** {@code rows} with their params and attributes, read for all of them at once. */
    public static List<TrialRecord> withDetails(Connection connection, List<TrialRecord> rows) throws SQLException {
        if (rows.isEmpty()) return rows;
        Object[] ids = rows.stream().map(TrialRecord::id).toArray();
        Map<Long, Map<String, Object>> params = params(connection, "WHERE trial_id = ANY(?)", ids);
        Map<Long, Map<String, String>> attrs = attributes(connection, "WHERE trial_id = ANY(?)", ids);
        return join(rows, params, attrs);
    }

    private static List<TrialRecord> join(List<TrialRecord> rows, Map<Long, Map<String, Object>> params,
                                          Map<Long, Map<String, String>> attrs) {
        List<TrialRecord> trials = new ArrayList<>(rows.size());
        for (TrialRecord row : rows) {
            trials.add(new TrialRecord(row.id(), row.number(), row.state(),
                    params.getOrDefault(row.id(), Map.of()), row.value(), row.seed(), row.startedAt(),
                    row.finishedAt(), row.worker(), row.device(), row.error(), attrs.getOrDefault(row.id(), Map.of())));
        }
        return trials;
    }

    private static List<TrialRecord> rows(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement query = prepare(connection, sql, args); ResultSet rs = query.executeQuery()) {
            return rows(rs);
        }
    }

    /** The trials of a result set whose columns are {@link #COLUMNS}; params and attributes are empty. */
    public static List<TrialRecord> rows(ResultSet rs) throws SQLException {
        List<TrialRecord> rows = new ArrayList<>();
        while (rs.next()) {
            double number = rs.getDouble(4);
            Double value = rs.wasNull() ? null : number;
            rows.add(new TrialRecord(rs.getLong(1), rs.getInt(2), TrialState.valueOf(rs.getString(3)),
                    Map.of(), value, rs.getLong(5), instant(rs.getTimestamp(6)),
                    instant(rs.getTimestamp(7)), rs.getString(8), rs.getString(9), rs.getString(10), Map.of()));
        }
        return rows;
    }

    private static Map<Long, Map<String, Object>> params(Connection connection, String where, Object arg)
            throws SQLException {
        Map<Long, Map<String, Object>> byTrial = new HashMap<>();
        try (PreparedStatement query = prepare(connection,
                "SELECT trial_id, name, kind, value_text FROM trial_params " + where + " ORDER BY trial_id, name", arg);
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                byTrial.computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>())
                        .put(rs.getString(2), new ParamValue(rs.getString(3), rs.getString(4), null).value());
            }
        }
        return byTrial;
    }

    private static Map<Long, Map<String, String>> attributes(Connection connection, String where, Object arg)
            throws SQLException {
        Map<Long, Map<String, String>> byTrial = new HashMap<>();
        try (PreparedStatement query = prepare(connection,
                "SELECT trial_id, name, attr_value FROM trial_attrs " + where, arg);
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                byTrial.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        return byTrial;
    }

    private static boolean isMaximizing(Connection connection, long studyId) throws SQLException {
        try (PreparedStatement query = prepare(connection, "SELECT direction FROM studies WHERE study_id = ?", studyId);
             ResultSet rs = query.executeQuery()) {
            return rs.next() && "MAXIMIZE".equals(rs.getString(1));
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) statement.setObject(i + 1, args[i]);
        return statement;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
