package io.tune4j.store;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudySummary;
import io.tune4j.search.study.TrialState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The studies list from one grouped query: trials per state, best value, last activity. */
final class StudySummaries {
    private static final String QUERY = """
            SELECT s.name, s.direction, s.metric, s.sampler, s.created_at, t.state, COUNT(t.trial_id),
                   MIN(t.objective_value), MAX(t.objective_value),
                   GREATEST(MAX(t.started_at), MAX(t.finished_at), MAX(t.heartbeat_at))
            FROM studies s LEFT JOIN trials t ON t.study_id = s.study_id
            GROUP BY s.study_id, s.name, s.direction, s.metric, s.sampler, s.created_at, t.state
            ORDER BY s.name""";

    private StudySummaries() {}

    static List<StudySummary> all(Connection connection) throws SQLException {
        Map<String, Builder> studies = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
            while (rs.next()) {
                Builder study = studies.computeIfAbsent(rs.getString(1), name -> new Builder(name));
                study.direction = Direction.valueOf(rs.getString(2));
                study.metric = rs.getString(3);
                study.sampler = rs.getString(4);
                study.seen(rs.getTimestamp(5));
                String state = rs.getString(6);
                if (state == null) continue; // a study without trials
                study.counts.put(TrialState.valueOf(state), rs.getInt(7));
                if (TrialState.COMPLETE.name().equals(state)) {
                    double best = study.direction == Direction.MINIMIZE ? rs.getDouble(8) : rs.getDouble(9);
                    study.best = rs.wasNull() ? null : best;
                }
                study.seen(rs.getTimestamp(10));
            }
        }
        List<StudySummary> summaries = new ArrayList<>();
        for (Builder study : studies.values()) summaries.add(study.build());
        return summaries;
    }

    private static final class Builder {
        final String name;
        final Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        Direction direction;
        String metric;
        String sampler;
        Double best;
        Instant last;

        Builder(String name) {
            this.name = name;
        }

        void seen(Timestamp when) {
            if (when != null && (last == null || when.toInstant().isAfter(last))) last = when.toInstant();
        }

        StudySummary build() {
            return new StudySummary(name, direction, metric, sampler, counts, best, last);
        }
    }
}
