package io.tune4j.trainer.cluster;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * A host and port of a cluster node as the user writes it, {@code HOST[:PORT]}, checked: the port in range
 * and the host resolvable here, so a typo fails at once with its reason instead of as a join that never
 * happens.
 */
public record ClusterAddress(String host, int port) {
    /** Hazelcast's usual member port; a study started with {@code --workers-port} may use another. */
    public static final int DEFAULT_PORT = 5701;

    public ClusterAddress {
        checkPort(port, "port");
    }

    /**
     * Parses {@code text}, e.g. {@code 10.0.0.5}, {@code study-host:5701} or {@code [::1]:5701}.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static ClusterAddress parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) throw new IllegalArgumentException("expected HOST or HOST:PORT, got an empty address");
        String host = trimmed;
        String portText = null;
        if (trimmed.startsWith("[")) {
            int close = trimmed.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("'" + text + "' opens an IPv6 address with [ but never closes it");
            host = trimmed.substring(1, close);
            String rest = trimmed.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) throw new IllegalArgumentException("expected :PORT after ] in '" + text + "'");
                portText = rest.substring(1);
            }
        } else if (trimmed.indexOf(':') >= 0) {
            if (trimmed.indexOf(':') != trimmed.lastIndexOf(':')) {
                throw new IllegalArgumentException("'" + text + "' has several colons; write an IPv6 address as [ADDRESS]:PORT");
            }
            host = trimmed.substring(0, trimmed.indexOf(':'));
            portText = trimmed.substring(trimmed.indexOf(':') + 1);
        }
        if (host.isEmpty()) throw new IllegalArgumentException("'" + text + "' has no host before the port");
        int port = portText == null ? DEFAULT_PORT : portNumber(portText, text);
        resolve(host);
        return new ClusterAddress(host, port);
    }

    /**
     * Checks the address this node binds and announces: it must be one of this machine's own, or Hazelcast
     * fails later with a page of stack traces.
     */
    public static String checkOwnHost(String host) {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("the address is empty");
        String trimmed = host.trim();
        resolve(trimmed);
        try {
            InetAddress address = InetAddress.getByName(trimmed);
            if (!address.isLoopbackAddress() && NetworkInterface.getByInetAddress(address) == null) {
                throw new IllegalArgumentException("'" + trimmed + "' (" + address.getHostAddress()
                        + ") is not an address of this machine; give one of its own, reachable from the others");
            }
        } catch (SocketException | UnknownHostException e) {
            throw new IllegalArgumentException("the interfaces of this machine cannot be read: " + e.getMessage());
        }
        return trimmed;
    }

    /** {@code port} in 1..65535, or the reason naming {@code what} it is. */
    public static int checkPort(int port, String what) {
        if (port < 1 || port > 65_535) throw new IllegalArgumentException(what + " must be 1..65535, got " + port);
        return port;
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static int portNumber(String portText, String text) {
        if (portText.isEmpty() || !portText.chars().allMatch(Character::isDigit) || portText.length() > 5) {
            throw new IllegalArgumentException("the port in '" + text + "' is not a number 1..65535: '" + portText + "'");
        }
        return checkPort(Integer.parseInt(portText), "the port in '" + text + "'");
    }

    private static void resolve(String host) {
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host '" + host + "' cannot be resolved from this machine");
        }
    }
}
