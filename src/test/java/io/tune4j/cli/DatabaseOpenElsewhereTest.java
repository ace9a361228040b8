package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.store.HoldDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results database held by another process can still be read and written: the holder serves it (H2
 * AUTO_SERVER), on the loopback interface only.
 */
class DatabaseOpenElsewhereTest {

    @Test
    void aDatabaseOpenInAnotherProcessIsServedToTheNextOnLoopbackOnly(@TempDir Path results) throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), results.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            assertEquals("open", out.readLine());
            Tune4jCli.Result studies = Tune4jCli.run("studies", "--results", results.toString());
            assertEquals(0, studies.exitCode(), studies.err());
            assertEquals("", studies.err());
            // H2 writes the port it serves the file on into its lock file; it must answer on 127.0.0.1 only.
            String lock = Files.readString(results.resolve("tune4j.lock.db"));
            Matcher server = Pattern.compile("server=[^\\n]*\\\\:(\\d+)").matcher(lock);
            assertTrue(server.find(), lock);
            int port = Integer.parseInt(server.group(1));
            try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertTrue(loopback.isConnected());
            }
            for (InetAddress address : outsideAddresses()) {
                assertThrows(ConnectException.class, () -> new Socket(address, port).close(),
                        "reachable from the network on " + address);
            }
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(10, TimeUnit.SECONDS)) holder.destroyForcibly();
        }
    }

    /** This machine's addresses other than loopback (IPv4 and IPv6), e.g. its LAN address. */
    private static List<InetAddress> outsideAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
    }
}
