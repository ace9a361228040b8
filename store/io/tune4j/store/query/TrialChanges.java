package io.tune4j.store.query;

import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.TrialReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trials that may have changed since a watermark: created after the highest trial id seen, or with a
 * heartbeat (every epoch report) or an end at or after {@code since}. The caller keeps what it has already
 * passed on and forwards only what is new; reading a window rather than an exact point is what makes this
 * work when writers' commits arrive out of timestamp order (several processes, issue 6).
 */
public final class TrialChanges {
    private TrialChanges() {}

    /** A changed trial with its study, and every value it has reported so far. */
    public record Changed(long studyId, TrialRecord trial, List<TrialValue> values) {}

    /** The highest trial id in the database, 0 when there is none. */
    public static long lastTrialId(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COALESCE(MAX(trial_id), 0) FROM trials");
             ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static List<Changed> since(Connection connection, Instant since, long afterTrialId) throws SQLException {
        Map<Long, Long> studyOf = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT trial_id, study_id FROM trials"
                + " WHERE trial_id > ? OR heartbeat_at >= ? OR finished_at >= ?")) {
            query.setLong(1, afterTrialId);
            query.setTimestamp(2, Timestamp.from(since));
            query.setTimestamp(3, Timestamp.from(since));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) studyOf.put(rs.getLong(1), rs.getLong(2));
            }
        }
        if (studyOf.isEmpty()) return List.of();
        List<TrialRecord> rows;
        try (PreparedStatement query = connection.prepareStatement("SELECT " + TrialReader.COLUMNS
                + " FROM trials WHERE trial_id = ANY(?) ORDER BY trial_id")) {
            query.setObject(1, studyOf.keySet().toArray(new Long[0]));
            try (ResultSet rs = query.executeQuery()) {
                rows = TrialReader.rows(rs);
            }
        }
        rows = TrialReader.withDetails(connection, rows);
        Map<Long, List<TrialValue>> values = new HashMap<>();
        for (TrialValue value : TrialLookup.values(connection, studyOf.keySet())) {
            values.computeIfAbsent(value.trialId(), id -> new ArrayList<>()).add(value);
        }
        List<Changed> changed = new ArrayList<>();
        for (TrialRecord trial : rows) {
            changed.add(new Changed(studyOf.get(trial.id()), trial, values.getOrDefault(trial.id(), List.of())));
        }
        return changed;
    }
}
