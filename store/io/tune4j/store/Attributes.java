package io.tune4j.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Writes one trial attribute inside the caller's transaction. */
final class Attributes {
    private Attributes() {}

    static void set(Connection connection, long trialId, String name, String value) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO trial_attrs (trial_id, name, attr_value) KEY (trial_id, name) VALUES (?, ?, ?)")) {
            merge.setLong(1, trialId);
            merge.setString(2, name);
            merge.setString(3, value);
            merge.executeUpdate();
        }
    }
}
