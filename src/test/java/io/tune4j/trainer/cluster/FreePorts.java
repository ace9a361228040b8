package io.tune4j.trainer.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports for a test's cluster: a port and the next one (the study's event bus takes it). */
public final class FreePorts {
    private FreePorts() {}

    public static int pair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = one();
            if (port < 65_535 && free(port + 1)) return port;
        }
        throw new IllegalStateException("no two consecutive free ports on loopback");
    }

    private static int one() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
