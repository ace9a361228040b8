package io.tune4j.store.query;

import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.TrialReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Single trials by their number in a study, and the curves (every metric per step) of chosen trials. */
public final class TrialLookup {
    private TrialLookup() {}

    public static Optional<TrialRecord> byNumber(Connection connection, long studyId, int number)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + TrialReader.COLUMNS
                + " FROM trials WHERE study_id = ? AND number = ?")) {
            query.setLong(1, studyId);
            query.setInt(2, number);
            try (ResultSet rs = query.executeQuery()) {
                List<TrialRecord> rows = TrialReader.withDetails(connection, TrialReader.rows(rs));
                return rows.stream().findFirst();
            }
        }
    }

    /** The trials of a study with these numbers (unknown numbers are skipped), in number order. */
    public static List<TrialRecord> byNumbers(Connection connection, long studyId, Collection<Integer> numbers)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + TrialReader.COLUMNS
                + " FROM trials WHERE study_id = ? AND number = ANY(?) ORDER BY number")) {
            query.setLong(1, studyId);
            query.setObject(2, numbers.toArray(new Integer[0]));
            try (ResultSet rs = query.executeQuery()) {
                return TrialReader.withDetails(connection, TrialReader.rows(rs));
            }
        }
    }

    /** Every value the given trials reported, by trial, metric and step (the primary key's order). */
    public static List<TrialValue> values(Connection connection, Collection<Long> trialIds) throws SQLException {
        List<TrialValue> values = new ArrayList<>();
        if (trialIds.isEmpty()) return values;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT trial_id, step, metric, metric_value FROM trial_values WHERE trial_id = ANY(?)"
                        + " ORDER BY trial_id, metric, step")) {
            query.setObject(1, trialIds.toArray(new Long[0]));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(new TrialValue(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getDouble(4)));
                }
            }
        }
        return values;
    }

    /** The names of the attributes any trial of the study has, sorted. */
    public static List<String> attributeNames(Connection connection, long studyId) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT a.name FROM trial_attrs a"
                + " JOIN trials t ON t.trial_id = a.trial_id WHERE t.study_id = ? ORDER BY a.name")) {
            query.setLong(1, studyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) names.add(rs.getString(1));
            }
        }
        return names;
    }
}
