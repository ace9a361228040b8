package io.tune4j.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.h2.tools.Server;

/**
 * The database server of one results folder, in a JVM of its own: it alone opens {@code tune4j.mv.db}, and
 * every run, reader and dashboard is its client over TCP on 127.0.0.1. So no run's death, SIGKILL included,
 * touches the file: before, the first run to open it served it (H2 AUTO_SERVER), and its death left the others
 * to take over a file in the middle of their writes (issue 14: lost epochs, and a row no statement could lock
 * again). A client starts the server when none answers ({@link ServerLaunch}); the server stops after
 * {@code idle} without a client, or when its folder is deleted. If it is killed, the next client starts a new
 * one, which recovers the file once, before anyone writes.
 *
 * <p>Two servers of one folder never run: the first holds an OS lock on {@code tune4j.server.lock} for as
 * long as it lives (the OS releases it when the process dies, however it dies); a second one waits a while
 * for it (a server stopping for idleness still holds it) and leaves if it is still held.
 */
public final class ResultsServer {
    static final String HOST = "127.0.0.1";
    static final String LOCK_FILE = "tune4j.server.lock";
    static final String LOG_FILE = "tune4j.server.log";
    /** How long a second server waits for the lock before it leaves the folder to the first. */
    private static final Duration LOCK_PATIENCE = Duration.ofSeconds(20);
    private static final Duration TICK = Duration.ofMillis(500);

    private ResultsServer() {}

    /** {@code <results folder> <idle seconds>}: exit 0 when stopped or when another server has the folder, 2 when the file does not open. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        Duration idle = Duration.ofSeconds(Long.parseLong(args[1]));
        Path lockFile = dir.resolve(LOCK_FILE);
        OwnerOnly.readOrCreate(lockFile, () -> "held by the database server of this folder while it runs");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = acquire(channel, dir);
            if (lock == null) {
                System.out.println("another server has " + dir + "; leaving it to that one");
                return;
            }
            int code = serve(dir, idle);
            if (code != 0) System.exit(code);
        }
    }

    /** The folder's lock, or null when another server has it and answers (or keeps it past the patience). */
    private static FileLock acquire(FileChannel channel, Path dir) throws IOException, InterruptedException {
        long giveUp = System.nanoTime() + LOCK_PATIENCE.toNanos();
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) return lock;
            if (System.nanoTime() > giveUp || ServerAddress.read(dir).filter(ServerAddress::answers).isPresent()) return null;
            Thread.sleep(TICK.toMillis());
        }
    }

    private static int serve(Path dir, Duration idle) throws SQLException, InterruptedException {
        Credentials credentials = Credentials.of(dir);
        // MAX_COMPACT_TIME: every epoch is its own commit, which leaves many stale chunks; compacting on close
        // (up to 5 s, only when there is garbage) kept a 20,000-trial file at 38 MB instead of 90 MB.
        String file = dir.resolve("tune4j").toString();
        Connection admin;
        try {
            admin = Accounts.admin("jdbc:h2:file:" + file + ";MAX_COMPACT_TIME=5000", credentials);
        } catch (SQLException e) {
            System.out.println("tune4j: results database " + dir.resolve(H2StudyStore.FILE_NAME) + " does not open: "
                    + e.getMessage());
            return 2;
        }
        try (admin) {
            try {
                // Here, once, before any client connects: clients that start together never race to create
                // or upgrade the tables.
                Accounts.ensureDataAccount(admin, credentials);
                Accounts.ensureDurable(admin);
                Schema.ensure(admin, dir.resolve(H2StudyStore.FILE_NAME).toString());
            } catch (StoreException e) {
                System.out.println("tune4j: " + e.getMessage());
                return 2;
            }
            String key = Credentials.newPassword();
            // -key: clients may open this one database, under a random name, and nothing else; -ifExists: nor
            // create one. -tcpPassword: a random management password no one keeps, so no client can stop the
            // server through H2's management database. The listening address is 127.0.0.1 (h2.bindAddress,
            // set by ServerLaunch), and H2 refuses non-local peers unless -tcpAllowOthers.
            Server tcp = Server.createTcpServer("-tcpPort", "0", "-ifExists", "-key", key, file,
                    "-tcpPassword", Credentials.newPassword()).start();
            ServerAddress address = new ServerAddress(tcp.getPort(), key, ProcessHandle.current().pid());
            address.write(dir);
            narrowFiles(dir);
            System.out.println("serving " + dir.resolve(H2StudyStore.FILE_NAME) + " on " + HOST + ":" + tcp.getPort());
            try {
                waitUntilIdle(admin, dir, idle);
            } finally {
                address.withdraw(dir);
                tcp.stop();
            }
            System.out.println("stopped: no client for " + idle.toSeconds() + " s, or the folder is gone");
        }
        return 0;
    }

    /** Returns once no client has had a session for {@code idle}, or the database file was deleted. */
    private static void waitUntilIdle(Connection admin, Path dir, Duration idle) throws SQLException, InterruptedException {
        long lastUsed = System.nanoTime();
        while (Files.exists(dir.resolve(H2StudyStore.FILE_NAME))) {
            if (sessions(admin) > 1) lastUsed = System.nanoTime();
            else if (System.nanoTime() - lastUsed > idle.toNanos()) return;
            Thread.sleep(TICK.toMillis());
        }
    }

    /** Open sessions, this server's own included. */
    private static int sessions(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The files of the database and its server are the owner's only (H2 creates them with the usual umask). */
    static void narrowFiles(Path dir) {
        for (String name : new String[] {H2StudyStore.FILE_NAME, "tune4j.trace.db", ServerAddress.FILE_NAME, LOCK_FILE, LOG_FILE}) {
            OwnerOnly.file(dir.resolve(name));
        }
    }
}
