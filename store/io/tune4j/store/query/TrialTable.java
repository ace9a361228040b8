package io.tune4j.store.query;

import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.TrialReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sorted, filtered, paged trial list done in SQL, so a page of a 100,000-trial study reads about a page
 * of rows. The SQL text is assembled only from fixed fragments (index names, the columns of
 * {@link TrialSort.Key}, placeholders); every user-given value, param names included, is a bound parameter.
 *
 * <p>Why it is shaped like this (measured on 100,000 trials, see the README): H2 stops after LIMIT rows only
 * when it walks an index whose columns the ORDER BY names in full, and its planner prefers the state index
 * when a state filter is given. So each sort walks its own index, named in a USE INDEX hint, and every
 * filter is an EXISTS test on the row at hand, which leaves the walk alone. A param sort walks the params'
 * (name, value) index; the trials without that param (conditional params) follow, by number.
 */
public final class TrialTable {
    /**
     * With param filters, counting every match means testing every trial (about 0.5 s for 100,000); the
     * count stops this many trials past the page instead, and the page says "more than".
     */
    static final int COUNT_AHEAD = 500;

    private TrialTable() {}

    public static TrialPage page(Connection connection, TrialQuery query) throws SQLException {
        // A misspelt filter would otherwise match nothing and look like an empty study.
        for (ParamFilter filter : query.params()) kindOf(connection, query.studyId(), filter.name());
        Sql trialTests = trialTests(query);
        Count total = count(connection, query, trialTests);
        TrialSort sort = query.sort();
        List<Long> ids;
        if (sort.key() == TrialSort.Key.PARAM) {
            ids = byParam(connection, query);
        } else {
            boolean byValue = sort.key() == TrialSort.Key.VALUE;
            String index = byValue ? (sort.descending() ? "trials_by_value_desc" : "trials_by_value_asc")
                    : "trials_by_number";
            String order = byValue ? "t.study_id, t.objective_value " + (sort.descending() ? "DESC" : "ASC")
                    + " NULLS LAST, t.number"
                    : sort.descending() ? "t.study_id DESC, t.number DESC" : "t.study_id, t.number";
            ids = ids(connection, new Sql().add("SELECT t.trial_id FROM trials t USE INDEX (" + index + ")")
                    .append(trialTests).add(" ORDER BY " + order + " LIMIT ? OFFSET ?", query.limit(),
                            query.offset()));
        }
        return new TrialPage(total.value, total.exact, inOrder(connection, ids));
    }

    /**
     * A param sort: first the trials that have the param, walking its index; then, once those run out
     * within the page, the trials that lack it.
     */
    private static List<Long> byParam(Connection connection, TrialQuery query) throws SQLException {
        TrialSort sort = query.sort();
        boolean numeric = !kindOf(connection, query.studyId(), sort.param()).equals("string");
        String column = numeric ? "sp.value_num" : "sp.value_text";
        String way = sort.descending() ? " DESC" : "";
        Sql having = new Sql().add(" FROM trial_params sp USE INDEX ("
                        + (numeric ? "trial_params_by_num" : "trial_params_by_text") + ") WHERE sp.name = ?",
                        sort.param())
                .add(" AND EXISTS (SELECT 1 FROM trials t WHERE t.trial_id = sp.trial_id")
                .append(trialColumnTests(query).withoutWhere()).add(")")
                .append(paramTests(query, "sp.trial_id"));
        List<Long> ids = ids(connection, new Sql().add("SELECT sp.trial_id").append(having)
                .add(" ORDER BY sp.name" + way + ", " + column + way + ", sp.trial_id" + way + " LIMIT ? OFFSET ?",
                        query.limit(), query.offset()));
        if (ids.size() == query.limit()) return ids;
        long withParam = ids.isEmpty() ? countOf(connection, new Sql().add("SELECT COUNT(*)").append(having))
                : query.offset() + ids.size();
        Sql lacking = new Sql().add("SELECT t.trial_id FROM trials t USE INDEX (trials_by_number)")
                .append(trialTests(query))
                .add(" AND NOT EXISTS (SELECT 1 FROM trial_params m WHERE m.trial_id = t.trial_id AND m.name = ?)",
                        sort.param())
                .add(" ORDER BY t.study_id, t.number LIMIT ? OFFSET ?", query.limit() - ids.size(),
                        Math.max(0, query.offset() - withParam));
        List<Long> all = new ArrayList<>(ids);
        all.addAll(ids(connection, lacking));
        return all;
    }

    /** " WHERE t.study_id = ? AND ...": the study, state and value bounds, and an EXISTS per param filter. */
    private static Sql trialTests(TrialQuery query) {
        return trialColumnTests(query).append(paramTests(query, "t.trial_id"));
    }

    private static Sql trialColumnTests(TrialQuery query) {
        Sql where = new Sql().add(" WHERE t.study_id = ?", query.studyId());
        if (!query.states().isEmpty()) {
            where.add(" AND t.state = ANY(?)",
                    (Object) query.states().stream().map(TrialState::name).sorted().toArray(String[]::new));
        }
        if (query.valueMin() != null) where.add(" AND t.objective_value >= ?", query.valueMin());
        if (query.valueMax() != null) where.add(" AND t.objective_value <= ?", query.valueMax());
        return where;
    }

    /**
     * One EXISTS test per param filter on the trial {@code trialId} names. Kept at the top level of the
     * WHERE clause: nested inside another EXISTS, H2 planned them as scans (44 s instead of milliseconds).
     */
    private static Sql paramTests(TrialQuery query, String trialId) {
        Sql tests = new Sql();
        for (ParamFilter filter : query.params()) {
            tests.add(" AND EXISTS (SELECT 1 FROM trial_params f WHERE f.trial_id = " + trialId + " AND f.name = ?",
                    filter.name());
            if (filter.min() != null) tests.add(" AND f.value_num >= ?", filter.min());
            if (filter.max() != null) tests.add(" AND f.value_num <= ?", filter.max());
            if (!filter.oneOf().isEmpty()) {
                // Wrapped so H2 cannot answer this with the (name, value_text) index: it did, scanning every
                // trial with that value once per row walked (36 s on 100,000 trials) instead of one
                // primary-key lookup of (trial, name).
                tests.add(" AND CONCAT(f.value_text, '') = ANY(?)", (Object) filter.oneOf().toArray(new String[0]));
            }
            tests.add(")");
        }
        return tests;
    }

    private record Count(long value, boolean exact) {}

    private static Count count(Connection connection, TrialQuery query, Sql trialTests) throws SQLException {
        if (query.params().isEmpty()) {
            return new Count(countOf(connection, new Sql().add("SELECT COUNT(*) FROM trials t").append(trialTests)),
                    true);
        }
        long cap = (long) query.offset() + query.limit() + COUNT_AHEAD;
        long counted = countOf(connection, new Sql().add("SELECT COUNT(*) FROM (SELECT 1 FROM trials t"
                + " USE INDEX (trials_by_number)").append(trialTests).add(" LIMIT ?)", cap));
        return new Count(counted, counted < cap);
    }

    /** The kind of a param of the study, from the summary the store keeps; unknown names are refused. */
    private static String kindOf(Connection connection, long studyId, String param) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT kind FROM study_params WHERE study_id = ? AND name = ?")) {
            query.setLong(1, studyId);
            query.setString(2, param);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) throw new UnknownParamException(param);
                return rs.getString(1);
            }
        }
    }

    private static long countOf(Connection connection, Sql sql) throws SQLException {
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> ids(Connection connection, Sql sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) ids.add(rs.getLong(1));
        }
        return ids;
    }

    /** The trials with these ids, with params and attributes, in the order of {@code ids}. */
    private static List<TrialRecord> inOrder(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) return List.of();
        List<TrialRecord> rows;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + TrialReader.COLUMNS + " FROM trials WHERE trial_id = ANY(?)")) {
            query.setObject(1, ids.toArray(new Long[0]));
            try (ResultSet rs = query.executeQuery()) {
                rows = new ArrayList<>(TrialReader.withDetails(connection, TrialReader.rows(rs)));
            }
        }
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) position.put(ids.get(i), i);
        rows.sort(Comparator.comparing(trial -> position.get(trial.id())));
        return rows;
    }

    /** SQL text built from fixed fragments, with the values bound to its placeholders in order. */
    private static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> args = new ArrayList<>();

        Sql add(String fragment, Object... values) {
            text.append(fragment);
            args.addAll(List.of(values));
            return this;
        }

        Sql append(Sql other) {
            text.append(other.text);
            args.addAll(other.args);
            return this;
        }

        /** The same tests joined with AND onto a condition already begun. */
        Sql withoutWhere() {
            Sql copy = new Sql();
            copy.text.append(" AND ").append(text.substring(" WHERE ".length()));
            copy.args.addAll(args);
            return copy;
        }

        PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(text.toString());
            for (int i = 0; i < args.size(); i++) statement.setObject(i + 1, args.get(i));
            return statement;
        }
    }
}
