package io.tune4j.store.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The params a study's trials hold, with their ranges and categorical values, in name order. */
public final class ParamColumns {
    /** Categorical values listed per param at most; a "categorical" param with more is shown as text only. */
    static final int MAX_CHOICES = 50;

    private ParamColumns() {}

    public static List<ParamColumn> of(Connection connection, long studyId) throws SQLException {
        Map<String, String> kinds = new LinkedHashMap<>();
        Map<String, double[]> ranges = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT p.name, MAX(p.kind), MIN(p.value_num), MAX(p.value_num) FROM trial_params p"
                        + " JOIN trials t ON t.trial_id = p.trial_id WHERE t.study_id = ?"
                        + " GROUP BY p.name ORDER BY p.name")) {
            query.setLong(1, studyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    kinds.put(rs.getString(1), rs.getString(2));
                    double min = rs.getDouble(3);
                    if (!rs.wasNull()) ranges.put(rs.getString(1), new double[] {min, rs.getDouble(4)});
                }
            }
        }
        Map<String, List<String>> choices = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT p.name, p.value_text FROM trial_params p JOIN trials t ON t.trial_id = p.trial_id"
                        + " WHERE t.study_id = ? AND p.kind IN ('string', 'bool') ORDER BY p.name, p.value_text")) {
            query.setLong(1, studyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    List<String> values = choices.computeIfAbsent(rs.getString(1), name -> new ArrayList<>());
                    if (values.size() < MAX_CHOICES) values.add(rs.getString(2));
                }
            }
        }
        List<ParamColumn> columns = new ArrayList<>();
        for (Map.Entry<String, String> param : kinds.entrySet()) {
            double[] range = ranges.get(param.getKey());
            columns.add(new ParamColumn(param.getKey(), param.getValue(), range == null ? null : range[0],
                    range == null ? null : range[1], choices.getOrDefault(param.getKey(), List.of())));
        }
        return columns;
    }
}
