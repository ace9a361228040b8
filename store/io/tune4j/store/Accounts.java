package io.tune4j.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.ErrorCode;

/**
 * Sets up a database's accounts from its {@link Credentials}, and the settings only an admin may change. The
 * admin account is the one H2 makes of whoever creates the file; the data account runs and readers use may
 * only read and write the rows of the tables (H2 requires admin rights for CREATE ALIAS, triggers, FILE_READ/FILE_WRITE, SCRIPT, CSVWRITE, linked
 * tables, SHUTDOWN and user changes). A file created before credentials existed (admin {@code SA}, empty
 * password) gets the generated admin account, and {@code SA} a random password no one keeps.
 */
final class Accounts {
    private Accounts() {}

    /** An admin connection to {@code url}, moving a file still open to {@code SA} with no password first. */
    static Connection admin(String url, Credentials credentials) throws SQLException {
        try {
            return DriverManager.getConnection(url, credentials.adminUser(), credentials.adminPassword());
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD || credentials.equals(Credentials.LEGACY)) throw e;
            Connection legacy;
            try {
                legacy = DriverManager.getConnection(url, Credentials.LEGACY.adminUser(), Credentials.LEGACY.adminPassword());
            } catch (SQLException notLegacyEither) {
                e.addSuppressed(notLegacyEither);
                throw e;
            }
            try (legacy; Statement statement = legacy.createStatement()) {
                statement.execute("CREATE USER IF NOT EXISTS " + credentials.adminUser() + " PASSWORD '"
                        + credentials.adminPassword() + "' ADMIN");
                statement.execute("ALTER USER SA SET PASSWORD '" + Credentials.newPassword() + "'");
            }
            return DriverManager.getConnection(url, credentials.adminUser(), credentials.adminPassword());
        }
    }

    /**
     * Makes H2 write each commit to the file before the commit returns, not within the next 500 ms (its
     * default WRITE_DELAY; the setting is stored in the file and needs admin rights). With the default, a
     * process killed with SIGKILL took its last commits with it, and those of every run writing through it: a
     * survivor's COMPLETE trial lacked an epoch (issue 14). Measured with a loop of single-row commits killed
     * after about 50: 5, 2 and 7 committed rows gone with the default; none of 43, 43 and 64 with 0. And
     * {@code bench crash --scenario kill-server}, 8 rounds: 13 lost epochs with the default, 0 with 0.
     */
    static void ensureDurable(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        }
    }

    /** Creates the data account with its table rights, unless it exists. */
    static void ensureDataAccount(Connection admin, Credentials credentials) throws SQLException {
        if (credentials.user().equals(credentials.adminUser())) return;
        try (PreparedStatement exists = admin.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = ?")) {
            exists.setString(1, credentials.user());
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (rs.getInt(1) > 0) return;
            }
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("CREATE USER IF NOT EXISTS " + credentials.user() + " PASSWORD '" + credentials.password() + "'");
            // On the schema, not table by table: tables a later schema version adds are covered too.
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO " + credentials.user());
        }
    }
}
