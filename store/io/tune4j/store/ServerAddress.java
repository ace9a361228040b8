package io.tune4j.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the database server of a results folder takes connections: {@code tune4j.server}, an owner-only file
 * the server writes once it listens and deletes when it stops. {@code key} is the one database name the server
 * lets clients open (any other name is refused before the password is checked).
 */
record ServerAddress(int port, String key, long pid) {
    static final String FILE_NAME = "tune4j.server";
    private static final int CONNECT_MILLIS = 2_000;

    /** The address of {@code resultsDir}'s server, if the file is there (whether that server still runs or not). */
    static Optional<ServerAddress> read(Path resultsDir) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(resultsDir.resolve(FILE_NAME))));
            return Optional.of(new ServerAddress(Integer.parseInt(properties.getProperty("port")),
                    properties.getProperty("key"), Long.parseLong(properties.getProperty("pid"))));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // a file from another version, or cut off by a full disk: start a server anew
        }
    }

    /** Writes this address in place of any other, owner-only and atomically: a client never reads half of it. */
    void write(Path resultsDir) {
        Path file = resultsDir.resolve(FILE_NAME);
        Path temporary = resultsDir.resolve(FILE_NAME + "." + pid + ".new");
        try {
            Files.deleteIfExists(temporary);
            OwnerOnly.readOrCreate(temporary, () -> "port=" + port + "\nkey=" + key + "\npid=" + pid);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Deletes the file if it still names this server (a server started after it may have replaced it). */
    void withdraw(Path resultsDir) {
        if (read(resultsDir).filter(this::equals).isEmpty()) return;
        try {
            Files.deleteIfExists(resultsDir.resolve(FILE_NAME));
        } catch (IOException gone) {
            // a folder deleted under the server (a test's temporary folder): nothing left to withdraw
        }
    }

    /** True when the server's process lives and takes connections: a killed server leaves its file behind. */
    boolean answers() {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return false;
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(ResultsServer.HOST, port), CONNECT_MILLIS);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    String url(String options) {
        return "jdbc:h2:tcp://" + ResultsServer.HOST + ":" + port + "/" + key + options;
    }
}
