package io.tune4j.store;

import java.io.IOException;
import java.io.PrintStream;
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
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>{@code tune4j serve} runs the same server for other machines ({@link #serveOthers}): on an address and
 * port of the user's choice, over TLS only, until it is stopped; its clients connect with a {@link ClientFile}.
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
        System.setProperty("h2.bindAddress", HOST); // before H2 reads its settings, at its first use
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        Duration idle = Duration.ofSeconds(Long.parseLong(args[1]));
        int code = locked(dir, System.out, () -> serve(dir, System.out, List.of("-tcpPort", "0"),
                Credentials.newPassword(), key -> {
                    ServerAddress address = new ServerAddress(key.port(), key.key(), ProcessHandle.current().pid());
                    address.write(dir);
                    return () -> address.withdraw(dir);
                }, admin -> waitUntilIdle(admin, dir, idle)));
        if (code != 0) System.exit(code);
    }

    /**
     * Serves {@code dir}'s database to other machines on {@code host:port} over TLS until this JVM is stopped
     * (Ctrl-C), and writes the {@link ClientFile} they connect with. The URL's key, and so the client file,
     * stay the same across restarts on the same address. Returns an exit code: 2 when the file does not open
     * or another server has the folder.
     */
    public static int serveOthers(Path resultsDir, String host, int port, PrintStream out) throws Exception {
        System.setProperty("h2.bindAddress", host); // before H2 reads its settings, at its first use
        Path dir = OwnerOnly.folder(resultsDir.toAbsolutePath().normalize());
        Credentials credentials = Credentials.of(dir);
        String certificate = ServerTls.serveWith(dir);
        Path clientFile = dir.resolve(ClientFile.FILE_NAME);
        String key = Files.exists(clientFile) ? ClientFile.read(clientFile).key() : Credentials.newPassword();
        return locked(dir, out, () -> serve(dir, out, List.of("-tcpPort", String.valueOf(port), "-tcpAllowOthers",
                "-tcpSSL"), key, served -> {
                    ClientFile client = new ClientFile("jdbc:h2:ssl://" + host + ":" + served.port() + "/" + key,
                            credentials.user(), credentials.password(), certificate);
                    Files.deleteIfExists(clientFile);
                    OwnerOnly.readOrCreate(clientFile, client::text);
                    out.println("clients: tune4j run SPACE --results-server " + clientFile
                            + " (copy the file to each machine; keep it private)");
                    return () -> { };
                }, admin -> Thread.currentThread().join()));
    }

    /** Runs {@code server} while holding the folder's lock; 2 (with a line on {@code out}) when another has it. */
    private static int locked(Path dir, PrintStream out, Serving server) throws Exception {
        Path lockFile = dir.resolve(LOCK_FILE);
        OwnerOnly.readOrCreate(lockFile, () -> "held by the database server of this folder while it runs");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = acquire(channel, dir);
            if (lock == null) {
                out.println("another server has " + dir + "; leaving it to that one");
                return 0;
            }
            return server.run();
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

    private static int serve(Path dir, PrintStream out, List<String> listen, String key, Announce announce,
            Until until) throws Exception {
        Credentials credentials = Credentials.of(dir);
        // MAX_COMPACT_TIME: every epoch is its own commit, which leaves many stale chunks; compacting on close
        // (up to 5 s, only when there is garbage) kept a 20,000-trial file at 38 MB instead of 90 MB.
        String file = dir.resolve("tune4j").toString();
        Connection admin;
        try {
            admin = Accounts.admin("jdbc:h2:file:" + file + ";MAX_COMPACT_TIME=5000", credentials);
        } catch (SQLException e) {
            out.println("tune4j: results database " + dir.resolve(H2StudyStore.FILE_NAME) + " does not open: "
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
                out.println("tune4j: " + e.getMessage());
                return 2;
            }
            // -key: clients may open this one database, under a random name, and nothing else; -ifExists: nor
            // create one. -tcpPassword: a random management password no one keeps, so no client can stop the
            // server through H2's management database. The listening address is h2.bindAddress (set above),
            // and H2 refuses non-local peers unless -tcpAllowOthers.
            List<String> args = new ArrayList<>(listen);
            args.addAll(List.of("-ifExists", "-key", key, file, "-tcpPassword", Credentials.newPassword()));
            Server tcp = Server.createTcpServer(args.toArray(String[]::new)).start();
            Runnable withdraw = announce.listening(new Listening(tcp.getPort(), key));
            narrowFiles(dir);
            out.println("serving " + dir.resolve(H2StudyStore.FILE_NAME) + " on port " + tcp.getPort());
            out.flush();
            try {
                until.waitFor(admin);
            } finally {
                withdraw.run();
                tcp.stop();
            }
            out.println("stopped: no client for a while, or the folder is gone");
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
        for (String name : new String[] {H2StudyStore.FILE_NAME, "tune4j.trace.db", ServerAddress.FILE_NAME, LOCK_FILE,
            LOG_FILE, ClientFile.FILE_NAME, ServerTls.KEYSTORE, ServerTls.PASSWORD}) {
            OwnerOnly.file(dir.resolve(name));
        }
    }

    private record Listening(int port, String key) {}

    @FunctionalInterface
    private interface Serving {
        int run() throws Exception;
    }

    /** Tells clients where the server listens; returns what withdraws that when it stops. */
    @FunctionalInterface
    private interface Announce {
        Runnable listening(Listening listening) throws Exception;
    }

    @FunctionalInterface
    private interface Until {
        void waitFor(Connection admin) throws Exception;
    }
}
