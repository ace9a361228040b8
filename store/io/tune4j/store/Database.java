package io.tune4j.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A pool of connections to one H2 database, and the one place that turns SQL failures into errors naming
 * the database. Each call takes its own connection, so trials reporting from several threads never share one.
 */
final class Database implements AutoCloseable {
    private final JdbcConnectionPool pool;
    private final String location;
    private final boolean dropOnClose;

    /** {@code dropOnClose}: an in-memory database kept alive between connections must be shut down by hand. */
    Database(String url, String location, boolean dropOnClose) {
        this.location = location;
        this.dropOnClose = dropOnClose;
        this.pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
    }

    String location() {
        return location;
    }

    <T> T read(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs {@code work} in one transaction: all of it is stored, or none of it. */
    <T> T write(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private StoreException failure(SQLException e) {
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
                || String.valueOf(e.getMessage()).contains("file is locked")) {
            // Only one process may open an embedded H2 file; sharing it between processes is not built yet.
            return new StoreException("results database " + location + " is open in another process (a run in "
                    + "progress?); try again when it has finished, or use another --results folder", e);
        }
        return new StoreException("results database " + location + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (dropOnClose) read(connection -> connection.createStatement().execute("SHUTDOWN"));
        pool.dispose();
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
