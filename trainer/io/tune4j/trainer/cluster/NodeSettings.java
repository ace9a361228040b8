package io.tune4j.trainer.cluster;

import java.util.List;
import java.util.Objects;

/**
 * How one node (the study, or a worker) takes part in the cluster: {@code host} is the address it binds and
 * announces (reachable from the other machines), {@code port} its Hazelcast member port (tried upwards when
 * {@code portRange} > 1, so several workers on one machine need no ports of their own), {@code busPort} the
 * event bus's TCP port (0: any free one), {@code members} the nodes it joins (none: it founds the cluster) and
 * {@code secret} the key every node of the cluster shares.
 */
public record NodeSettings(String host, int port, int portRange, int busPort, List<ClusterAddress> members,
                           ClusterSecret secret) {
    public NodeSettings {
        members = List.copyOf(members);
        Objects.requireNonNull(secret, "secret");
        ClusterAddress.checkPort(port, "the cluster port");
        if (portRange < 1) throw new IllegalArgumentException("the port range must be >= 1, got " + portRange);
        if (busPort != 0) ClusterAddress.checkPort(busPort, "the event bus port");
    }

    /** The study's node: exactly on {@code port}, its event bus on the next port, so both can be opened. */
    public static NodeSettings study(String host, int port, ClusterSecret secret) {
        return new NodeSettings(host, checkStudyPort(port), 1, port + 1, List.of(), secret);
    }

    /** {@code port} if a study can listen on it and on the next port, else the reason. */
    public static int checkStudyPort(int port) {
        ClusterAddress.checkPort(port, "the cluster port");
        if (port == 65_535) throw new IllegalArgumentException("the workers port must be 1..65534: the event bus takes the next one");
        return port;
    }
}
