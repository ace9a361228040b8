package io.tune4j.store;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the process serving a results file takes connections, read from the lock file H2 keeps next to it
 * while a process has it open in automatic mixed mode: {@code host:port/key}, the key being the name the file
 * is served under (the server lets in no other name), if that process answers.
 */
final class ServingProcess {
    static final String LOCK_FILE = "tune4j.lock.db";
    private static final int CONNECT_MILLIS = 2_000;

    private ServingProcess() {}

    static Optional<String> address(Path resultsDir) {
        Path lock = resultsDir.resolve(LOCK_FILE);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(lock)) {
            properties.load(in);
        } catch (IOException noServer) {
            return Optional.empty();
        }
        String server = properties.getProperty("server");
        String key = properties.getProperty("id");
        if (server == null || key == null || server.lastIndexOf(':') < 0) return Optional.empty();
        String host = server.substring(0, server.lastIndexOf(':'));
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(host, Integer.parseInt(server.substring(server.lastIndexOf(':') + 1))),
                    CONNECT_MILLIS);
            return Optional.of(server + "/" + key);
        } catch (IOException | IllegalArgumentException gone) {
            return Optional.empty(); // the lock of a process that died: no one serves the file
        }
    }
}
