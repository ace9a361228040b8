package io.tune4j.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A pool of connections to one H2 database, and the one place that turns SQL failures into errors naming
 * the database. Each call takes its own connection, so trials reporting from several threads never share one.
 *
 * <p>A results file is served by its database server, a process of its own ({@link ResultsServer}); when that
 * process dies, its clients lose their connections until one of them has started a new server. Such failures,
 * and the race of readers opening a read-only file at the same moment, are retried for a while with fresh
 * connections, each call from the start: a transaction that was cut off was rolled back, so running it again
 * stores it once. (A commit whose answer was lost can run twice; every write is idempotent but taking a new
 * trial, which then leaves an extra RUNNING trial that the heartbeat check reclaims.)
 */
final class Database implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The server of the file is gone or restarting, or the file is being opened by another at once. */
    private static final Set<Integer> PASSING = Set.of(ErrorCode.CONNECTION_BROKEN_1,
            ErrorCode.DATABASE_CALLED_AT_SHUTDOWN, ErrorCode.DATABASE_IS_CLOSED, ErrorCode.DATABASE_ALREADY_OPEN_1,
            ErrorCode.ERROR_OPENING_DATABASE_1);

    private final Supplier<DatabaseUrl> url;
    private final Credentials credentials;
    private final String location;
    private final boolean dropOnClose;
    private volatile Connections connections;

    /**
     * {@code url} is asked again whenever connections break (a reader follows the file to whichever process
     * serves it now). {@code dropOnClose}: an in-memory database kept alive between connections must be shut
     * down by hand.
     */
    Database(Supplier<DatabaseUrl> url, Credentials credentials, String location, boolean dropOnClose) {
        this.url = url;
        this.credentials = credentials;
        this.location = location;
        this.dropOnClose = dropOnClose;
        this.connections = newConnections();
    }

    Credentials credentials() {
        return credentials;
    }

    String location() {
        return location;
    }

    <T> T read(Work<T> work) {
        return retrying(work, false);
    }

    /** Runs {@code work} in one transaction: all of it is stored, or none of it. */
    <T> T write(Work<T> work) {
        return retrying(work, true);
    }

    /**
     * Runs {@code work} in one transaction on a connection of the admin account, made for it: creating and
     * upgrading tables is the admin's, and no connection of that account is kept open.
     */
    <T> T administer(Work<T> work) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                return once(() -> Accounts.admin(url.get().url(), credentials), work, true);
            } catch (SQLException e) {
                if (!isPassing(e) || System.nanoTime() > giveUp) throw failure(e);
                pause();
            }
        }
    }

    private <T> T retrying(Work<T> work, boolean transaction) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Connections used = connections;
            try {
                return once(used, work, transaction);
            } catch (SQLException e) {
                if (!isPassing(e) || System.nanoTime() > giveUp) throw failure(e);
                renew(used);
                pause();
            }
        }
    }

    private static <T> T once(Connections connections, Work<T> work, boolean transaction) throws SQLException {
        try (Connection connection = connections.get()) {
            if (!transaction) return work.run(connection);
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException lost) {
                    e.addSuppressed(lost); // a broken connection cannot roll back; the server did it already
                }
                throw e;
            } finally {
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException lost) {
                    // Only a connection that is gone fails here, and the pool drops it. Throwing would run a
                    // transaction that committed a second time.
                }
            }
        }
    }

    /** Replaces connections that may all be broken, unless another thread did so already. */
    private synchronized void renew(Connections broken) {
        if (connections != broken) return;
        connections = newConnections();
        broken.close();
    }

    private Connections newConnections() {
        DatabaseUrl resolved = url.get();
        if (!resolved.pooled()) {
            return () -> DriverManager.getConnection(resolved.url(), credentials.user(), credentials.password());
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(resolved.url(), credentials.user(), credentials.password());
        pool.setMaxConnections(16);
        return new Connections() {
            @Override
            public Connection get() throws SQLException {
                return pool.getConnection();
            }

            @Override
            public void close() {
                pool.dispose();
            }
        };
    }

    private static boolean isPassing(SQLException e) {
        if (tlsFailure(e) != null) return false; // a server with another certificate stays one
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && PASSING.contains(sql.getErrorCode())) return true;
            if (String.valueOf(t.getMessage()).contains("file is locked")) return true;
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(50, 250));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the results database", e);
        }
    }

    private static SSLException tlsFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException tls) return tls;
        }
        return null;
    }

    private StoreException failure(SQLException e) {
        SSLException tls = tlsFailure(e);
        if (tls != null) {
            return new StoreException("results database " + location + ": the TLS connection was refused (is the"
                    + " client file from this server?): " + tls.getMessage(), e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("No space left on device")) {
                return new StoreException("results database " + location + ": the disk is full (No space left on device)", e);
            }
        }
        if (isPassing(e)) {
            // Still failing after the wait: the process holding the file does not answer (hung, or stopped).
            return new StoreException("results database " + location + " is locked by another process that does"
                    + " not answer; if no tune4j process runs, try again, else use another --results folder", e);
        }
        return new StoreException("results database " + location + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (dropOnClose) read(connection -> connection.createStatement().execute("SHUTDOWN"));
        connections.close();
    }

    /** Where connections come from: a pool, or a new connection for each call. */
    @FunctionalInterface
    private interface Connections {
        Connection get() throws SQLException;

        default void close() {}
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
