package io.tune4j.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.h2.api.ErrorCode;

/**
 * Keeps, per study, each param's kind and numeric range and the categorical values seen, as params are stored.
 * The dashboard builds its filters and axes from these; deriving them from {@code trial_params} on each page
 * load was a GROUP BY over every param row (1.6 s at 100,000 trials), while keeping them costs two small
 * statements per param per trial.
 */
final class ParamSummary {
    private static final String RANGE = """
            MERGE INTO study_params s
            USING (SELECT study_id, CAST(? AS VARCHAR(255)) AS name, CAST(? AS VARCHAR(8)) AS kind,
                          CAST(? AS DOUBLE PRECISION) AS num FROM trials WHERE trial_id = ?) v
            ON s.study_id = v.study_id AND s.name = v.name
            WHEN MATCHED THEN UPDATE SET min_num = LEAST(s.min_num, v.num), max_num = GREATEST(s.max_num, v.num)
            WHEN NOT MATCHED THEN INSERT (study_id, name, kind, min_num, max_num)
                VALUES (v.study_id, v.name, v.kind, v.num, v.num)""";
    private static final String CHOICE = """
            MERGE INTO study_param_choices KEY (study_id, name, value_text)
            SELECT study_id, ?, ? FROM trials WHERE trial_id = ?""";

    private ParamSummary() {}

    static void add(Connection connection, long trialId, Map<String, ParamValue> params) throws SQLException {
        try {
            merge(connection, trialId, params);
        } catch (SQLException e) {
            // Two processes sharing a study may both insert a param's first row at once; the loser finds the row
            // on its second try.
            if (e.getErrorCode() != ErrorCode.DUPLICATE_KEY_1) throw e;
            merge(connection, trialId, params);
        }
    }

    private static void merge(Connection connection, long trialId, Map<String, ParamValue> params)
            throws SQLException {
        try (PreparedStatement range = connection.prepareStatement(RANGE);
             PreparedStatement choice = connection.prepareStatement(CHOICE)) {
            for (Map.Entry<String, ParamValue> param : params.entrySet()) {
                ParamValue value = param.getValue();
                range.setString(1, param.getKey());
                range.setString(2, value.kind());
                range.setObject(3, value.number());
                range.setLong(4, trialId);
                range.addBatch();
                if (value.kind().equals("string") || value.kind().equals("bool")) {
                    choice.setString(1, param.getKey());
                    choice.setString(2, value.text());
                    choice.setLong(3, trialId);
                    choice.addBatch();
                }
            }
            range.executeBatch();
            choice.executeBatch();
        }
    }

    /** Fills the summary of a database written before it existed (schema 1), from the stored params. */
    static void backfill(Statement statement) throws SQLException {
        statement.execute("""
                INSERT INTO study_params (study_id, name, kind, min_num, max_num)
                SELECT t.study_id, p.name, MAX(p.kind), MIN(p.value_num), MAX(p.value_num)
                FROM trial_params p JOIN trials t ON t.trial_id = p.trial_id GROUP BY t.study_id, p.name""");
        statement.execute("""
                INSERT INTO study_param_choices (study_id, name, value_text)
                SELECT DISTINCT t.study_id, p.name, p.value_text
                FROM trial_params p JOIN trials t ON t.trial_id = p.trial_id WHERE p.kind IN ('string', 'bool')""");
    }
}
