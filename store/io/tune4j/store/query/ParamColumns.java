package io.tune4j.store.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The params a study's trials hold, with their ranges and categorical values, in name order. Read from the
 * per-study summary the store keeps as params are written, so it costs the same at 100 trials as at 100,000.
 */
public final class ParamColumns {
    /** Categorical values listed per param at most; a "categorical" param with more is shown as text only. */
    static final int MAX_CHOICES = 50;

    private ParamColumns() {}

    public static List<ParamColumn> of(Connection connection, long studyId) throws SQLException {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT name, value_text FROM study_param_choices WHERE study_id = ? ORDER BY name, value_text")) {
            query.setLong(1, studyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    List<String> values = choices.computeIfAbsent(rs.getString(1), name -> new ArrayList<>());
                    if (values.size() < MAX_CHOICES) values.add(rs.getString(2));
                }
            }
        }
        List<ParamColumn> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT name, kind, min_num, max_num FROM study_params WHERE study_id = ? ORDER BY name")) {
            query.setLong(1, studyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    columns.add(new ParamColumn(name, rs.getString(2), rs.getObject(3, Double.class),
                            rs.getObject(4, Double.class), choices.getOrDefault(name, List.of())));
                }
            }
        }
        return columns;
    }
}
