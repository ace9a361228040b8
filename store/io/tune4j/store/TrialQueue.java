package io.tune4j.store;

import io.tune4j.search.study.Reclaimed;
import io.tune4j.search.study.RunningTrial;
import io.tune4j.search.study.TrialRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The trials that outlive a process: heartbeats of running trials, claiming those of dead processes, and the
 * WAITING copies that re-run them. Every claim is an UPDATE that still requires the state (and heartbeat) it
 * read, so of several processes racing for one trial exactly one changes a row; the others see 0 rows.
 */
final class TrialQueue {
    private final Database database;

    TrialQueue(Database database) {
        this.database = database;
    }

    Optional<TrialRecord> claimWaiting(long studyId, String worker) {
        while (true) {
            Optional<Long> candidate = database.read(connection -> lowestWaiting(connection, studyId));
            if (candidate.isEmpty()) return Optional.empty();
            Optional<TrialRecord> claimed = database.write(connection -> {
                try (PreparedStatement take = connection.prepareStatement(
                        "UPDATE trials SET state = 'RUNNING', worker = ?, started_at = CURRENT_TIMESTAMP,"
                                + " heartbeat_at = CURRENT_TIMESTAMP WHERE trial_id = ? AND state = 'WAITING'")) {
                    take.setString(1, worker);
                    take.setLong(2, candidate.get());
                    if (take.executeUpdate() == 0) return Optional.<TrialRecord>empty();
                }
                return Optional.of(TrialReader.one(connection, candidate.get()));
            });
            if (claimed.isPresent()) return claimed;
            // Another process took that one first: try the next.
        }
    }

    private static Optional<Long> lowestWaiting(Connection connection, long studyId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT trial_id FROM trials WHERE study_id = ? AND state = 'WAITING' ORDER BY number LIMIT 1")) {
            query.setLong(1, studyId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    List<RunningTrial> running(long studyId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT trial_id, number, worker, heartbeat_at,"
                            + " DATEDIFF(MILLISECOND, heartbeat_at, CURRENT_TIMESTAMP)"
                            + " FROM trials WHERE study_id = ? AND state = 'RUNNING' ORDER BY number")) {
                query.setLong(1, studyId);
                List<RunningTrial> running = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime beat = rs.getObject(4, OffsetDateTime.class);
                        // A trial without a heartbeat (written by a tune4j before heartbeats) counts as long dead.
                        Duration since = beat == null ? Duration.ofDays(365 * 100L) : Duration.ofMillis(rs.getLong(5));
                        running.add(new RunningTrial(rs.getLong(1), rs.getInt(2), rs.getString(3), beat, since));
                    }
                }
                return running;
            }
        });
    }

    void heartbeat(Collection<Long> trialIds) {
        if (trialIds.isEmpty()) return;
        database.write(connection -> {
            try (PreparedStatement beat = connection.prepareStatement(
                    "UPDATE trials SET heartbeat_at = CURRENT_TIMESTAMP WHERE trial_id = ANY(?) AND state = 'RUNNING'")) {
                beat.setObject(1, trialIds.toArray(new Long[0]));
                return beat.executeUpdate();
            }
        });
    }

    Optional<Reclaimed> reclaim(RunningTrial trial, String reason, int retries) {
        return database.write(connection -> {
            try (PreparedStatement fail = connection.prepareStatement(
                    "UPDATE trials SET state = 'FAILED', error = ?, finished_at = CURRENT_TIMESTAMP"
                            + " WHERE trial_id = ? AND state = 'RUNNING' AND heartbeat_at IS NOT DISTINCT FROM ?")) {
                fail.setString(1, reason);
                fail.setLong(2, trial.id());
                fail.setObject(3, trial.heartbeatAt());
                if (fail.executeUpdate() == 0) return Optional.<Reclaimed>empty();
            }
            TrialRecord failed = TrialReader.one(connection, trial.id());
            int retry = Integer.parseInt(failed.attributes().getOrDefault("retry", "0"));
            if (retry >= retries) return Optional.of(new Reclaimed(failed, Optional.empty()));
            long copyId = insertCopy(connection, trial.id());
            Attributes.set(connection, copyId, "retry_of", String.valueOf(failed.number()));
            Attributes.set(connection, copyId, "retry", String.valueOf(retry + 1));
            TrialRecord copy = TrialReader.one(connection, copyId);
            Attributes.set(connection, trial.id(), "retried_as", String.valueOf(copy.number()));
            return Optional.of(new Reclaimed(TrialReader.one(connection, trial.id()), Optional.of(copy)));
        });
    }

    /** A WAITING trial under the study's next number with the params and seed of {@code originalId}. */
    private static long insertCopy(Connection connection, long originalId) throws SQLException {
        long studyId;
        try (PreparedStatement query = connection.prepareStatement("SELECT study_id FROM trials WHERE trial_id = ?")) {
            query.setLong(1, originalId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                studyId = rs.getLong(1);
            }
        }
        int number = H2StudyStore.takeNumber(connection, studyId);
        long copyId;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO trials (study_id, number, state, seed) SELECT study_id, ?, 'WAITING', seed"
                        + " FROM trials WHERE trial_id = ?", new String[] {"TRIAL_ID"})) {
            insert.setInt(1, number);
            insert.setLong(2, originalId);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                copyId = keys.getLong(1);
            }
        }
        try (PreparedStatement params = connection.prepareStatement(
                "INSERT INTO trial_params (trial_id, name, kind, value_text, value_num)"
                        + " SELECT ?, name, kind, value_text, value_num FROM trial_params WHERE trial_id = ?")) {
            params.setLong(1, copyId);
            params.setLong(2, originalId);
            params.executeUpdate();
        }
        return copyId;
    }
}
