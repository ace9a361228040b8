package io.tune4j.store.query;

import io.tune4j.search.space.Distribution;
import io.tune4j.store.StoredDistributions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The params of a study, in name order: those its trials hold, with their ranges and categorical values, read
 * from the per-study summary the store keeps as params are written (so it costs the same at 100 trials as at
 * 100,000), joined with the declared space. A declared param no trial has yet is listed too.
 */
public final class ParamColumns {
    /** Categorical values listed per param at most; a "categorical" param with more is shown as text only. */
    static final int MAX_CHOICES = 50;

    private ParamColumns() {}

    public static List<ParamColumn> of(Connection connection, long studyId) throws SQLException {
        Map<String, List<String>> choices = listed(connection, studyId,
                "SELECT name, value_text FROM study_param_choices WHERE study_id = ? ORDER BY name, value_text");
        Map<String, Distribution> declared = new LinkedHashMap<>();
        for (Distribution distribution : StoredDistributions.read(connection, studyId)) {
            declared.put(distribution.name(), distribution);
        }
        Map<String, ParamColumn> columns = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT name, kind, min_num, max_num FROM study_params WHERE study_id = ?")) {
            query.setLong(1, studyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    columns.put(name, new ParamColumn(name, rs.getString(2), rs.getObject(3, Double.class),
                            rs.getObject(4, Double.class), choices.getOrDefault(name, List.of()),
                            declared.get(name)));
                }
            }
        }
        for (Distribution distribution : declared.values()) {
            if (columns.containsKey(distribution.name())) continue;
            String kind = distribution.categorical() ? "string"
                    : distribution.type().startsWith("int") ? "int" : "float";
            columns.put(distribution.name(), new ParamColumn(distribution.name(), kind, null, null, List.of(),
                    distribution));
        }
        return new ArrayList<>(columns.values());
    }

    /** Up to {@link #MAX_CHOICES} values per name, in the query's order. */
    private static Map<String, List<String>> listed(Connection connection, long studyId, String sql)
            throws SQLException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, studyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    List<String> list = values.computeIfAbsent(rs.getString(1), name -> new ArrayList<>());
                    if (list.size() < MAX_CHOICES) list.add(rs.getString(2));
                }
            }
        }
        return values;
    }
}
