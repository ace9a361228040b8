package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.store.HoldDatabase;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results database open in another process can still be read and written: both are clients of the
 * folder's database server, which listens on the loopback interface only.
 */
class DatabaseOpenElsewhereTest {

    @Test
    void aDatabaseOpenInAnotherProcessIsServedToTheNextOnLoopbackOnly(@TempDir Path results) throws Exception {
        Process holder = HoldDatabase.start(results);
        try {
            HoldDatabase.awaitOpen(holder);
            Tune4jCli.Result studies = Tune4jCli.run("studies", "--results", results.toString());
            assertEquals(0, studies.exitCode(), studies.err());
            assertEquals("", studies.err());
            // The server writes its port into tune4j.server; it must answer on 127.0.0.1 only.
            String serverFile = Files.readString(results.resolve("tune4j.server"));
            Matcher server = Pattern.compile("port=(\\d+)").matcher(serverFile);
            assertTrue(server.find(), serverFile);
            int port = Integer.parseInt(server.group(1));
            try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertTrue(loopback.isConnected());
            }
            for (InetAddress address : outsideAddresses()) {
                assertThrows(ConnectException.class, () -> new Socket(address, port).close(),
                        "reachable from the network on " + address);
            }
        } finally {
            HoldDatabase.release(holder);
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
