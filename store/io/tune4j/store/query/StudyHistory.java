package io.tune4j.store.query;

import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.TrialReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The study-wide views: every trial's value in number order, and a bounded sample for the param plots. */
public final class StudyHistory {
    private StudyHistory() {}

    /** Number, state and value of every trial: three narrow columns, so even 100,000 trials read quickly. */
    public static List<HistoryPoint> points(Connection connection, long studyId) throws SQLException {
        List<HistoryPoint> points = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT number, state, objective_value FROM trials WHERE study_id = ? ORDER BY number")) {
            query.setLong(1, studyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    double value = rs.getDouble(3);
                    points.add(new HistoryPoint(rs.getInt(1), TrialState.valueOf(rs.getString(2)),
                            rs.wasNull() ? null : value));
                }
            }
        }
        return points;
    }

    /** How many COMPLETE trials the study has; the sample changes only when this does. */
    public static long completeCount(Connection connection, long studyId) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM trials WHERE study_id = ? AND state = 'COMPLETE'")) {
            count.setLong(1, studyId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The COMPLETE trials with their params, thinned to at most {@code max} by taking every k-th trial
     * number: the param plots and the importance need the spread of the params, not every trial, and
     * a deterministic sample keeps the plots from changing on a reload. {@code complete} is
     * {@link #completeCount}.
     */
    public static List<TrialRecord> completeSample(Connection connection, long studyId, int max, long complete)
            throws SQLException {
        long step = Math.max(1, (complete + max - 1) / max);
        try (PreparedStatement query = connection.prepareStatement("SELECT " + TrialReader.COLUMNS
                + " FROM trials WHERE study_id = ? AND state = 'COMPLETE' AND MOD(number, ?) = 0"
                + " ORDER BY number LIMIT ?")) {
            query.setLong(1, studyId);
            query.setLong(2, step);
            query.setInt(3, max);
            try (ResultSet rs = query.executeQuery()) {
                return TrialReader.withDetails(connection, TrialReader.rows(rs));
            }
        }
    }
}
