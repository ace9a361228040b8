package io.tune4j.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A pool of connections to one H2 database, and the one place that turns SQL failures into errors naming
 * the database. Each call takes its own connection, so trials reporting from several threads never share one.
 */
final class Database implements AutoCloseable {
    private static final Duration OPEN_RACE_PATIENCE = Duration.ofSeconds(20);
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
        try (Connection connection = connect()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs {@code work} in one transaction: all of it is stored, or none of it. */
    <T> T write(Work<T> work) {
        try (Connection connection = connect()) {
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

    /**
     * A connection from the pool. Processes that open a shared file at the same moment race for its lock file
     * (AUTO_SERVER: the winner serves, the others connect to it), and a loser can be told the file is locked
     * or its lock "recently modified" before the winner's server is up. That passes within moments, so such
     * failures are retried for a while before they are reported.
     */
    private Connection connect() throws SQLException {
        long giveUp = System.nanoTime() + OPEN_RACE_PATIENCE.toNanos();
        while (true) {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                if (!isOpenRace(e) || System.nanoTime() > giveUp) throw e;
                pause();
            }
        }
    }

    private static boolean isOpenRace(SQLException e) {
        return e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1 || e.getErrorCode() == ErrorCode.ERROR_OPENING_DATABASE_1
                || String.valueOf(e.getMessage()).contains("file is locked");
    }

    private static void pause() throws SQLException {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(50, 250));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the results database", e);
        }
    }

    private StoreException failure(SQLException e) {
        if (isOpenRace(e)) {
            // Still locked after the wait: the process holding the file does not answer (hung, or stopped).
            return new StoreException("results database " + location + " is locked by another process that does"
                    + " not answer; if no tune4j process runs, try again, else use another --results folder", e);
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
