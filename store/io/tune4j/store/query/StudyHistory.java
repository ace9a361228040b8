package io.tune4j.store.query;

import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.TrialReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * The study-wide views: every trial's value in number order, and bounded samples for the param plots, the
 * timeline and the curves of all trials. The samples take every k-th trial number, so they are the same
 * trials on every reload and spread evenly over the study's life.
 */
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

    /** Every k-th trial (k chosen for about {@code max}) and every RUNNING one, with start and end. */
    public static List<TimelineBar> timeline(Connection connection, long studyId, int max) throws SQLException {
        long step = step(connection, studyId, max);
        List<TimelineBar> bars = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT number, state, started_at, finished_at FROM trials WHERE study_id = ?"
                        + " AND (MOD(number, ?) = 0 OR state = 'RUNNING') ORDER BY number")) {
            query.setLong(1, studyId);
            query.setLong(2, step);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    bars.add(new TimelineBar(rs.getInt(1), TrialState.valueOf(rs.getString(2)),
                            instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4))));
                }
            }
        }
        return bars;
    }

    /**
     * Every value of every k-th trial (k chosen for about {@code maxTrials}) and of every RUNNING one, by trial
     * number: the "intermediate values of all trials" view, kept to a few hundred curves at 100,000 trials.
     */
    public static Map<Integer, List<TrialValue>> curvesOfSpread(Connection connection, long studyId, int maxTrials)
            throws SQLException {
        long step = step(connection, studyId, maxTrials);
        Map<Integer, List<TrialValue>> curves = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT t.number, v.trial_id, v.step, v.metric, v.metric_value FROM trials t"
                        + " JOIN trial_values v ON v.trial_id = t.trial_id WHERE t.study_id = ?"
                        + " AND (MOD(t.number, ?) = 0 OR t.state = 'RUNNING') ORDER BY t.number, v.metric, v.step")) {
            query.setLong(1, studyId);
            query.setLong(2, step);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    curves.computeIfAbsent(rs.getInt(1), n -> new ArrayList<>()).add(
                            new TrialValue(rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getDouble(5)));
                }
            }
        }
        return curves;
    }

    /** Every how many trial numbers a sample of about {@code max} of the study's trials takes one. */
    private static long step(Connection connection, long studyId, int max) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM trials WHERE study_id = ?")) {
            count.setLong(1, studyId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return Math.max(1, (rs.getLong(1) + max - 1) / max);
            }
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
