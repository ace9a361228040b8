package io.tune4j.trainer.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.properties.ClusterProperty;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A clustered Vert.x on Hazelcast, configured in code for a private network of known machines: TCP join with
 * the members named, no multicast and no cloud discovery, no phone-home (there may be no internet), and
 * Hazelcast and the event bus both bound to the one address given, never to every interface.
 */
public final class ClusterNode implements AutoCloseable {
    private final Vertx vertx;
    private final HazelcastInstance hazelcast;
    private final SignedBus bus;

    private ClusterNode(Vertx vertx, HazelcastInstance hazelcast, ClusterSecret secret) {
        this.vertx = vertx;
        this.hazelcast = hazelcast;
        this.bus = new SignedBus(vertx.eventBus(), secret);
    }

    /**
     * Starts the node and joins (or founds) the cluster, waiting at most {@code timeout}.
     *
     * @throws ClusterException when the node cannot start, e.g. its port is taken or its address is not local
     */
    public static ClusterNode start(NodeSettings settings, Duration timeout) {
        logThroughSlf4j();
        // Checked here because Hazelcast and Vert.x log pages of stack traces for a taken port before failing.
        if (settings.portRange() == 1) requireFree(settings.host(), settings.port());
        if (settings.busPort() != 0) requireFree(settings.host(), settings.busPort());
        HazelcastClusterManager manager = new HazelcastClusterManager(hazelcastConfig(settings));
        VertxOptions options = new VertxOptions();
        options.getEventBusOptions().setHost(settings.host()).setPort(settings.busPort())
                .setClusterPublicHost(settings.host());
        try {
            Vertx vertx = Vertx.builder().with(options).withClusterManager(manager).buildClustered()
                    .toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new ClusterNode(vertx, manager.getHazelcastInstance(), settings.secret());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ClusterException("the cluster node on " + settings.host() + ":" + settings.port()
                    + " did not start within " + timeout.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ClusterException("the cluster node on " + settings.host() + ":" + settings.port()
                    + " could not start: " + rootMessage(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while the cluster node started", e);
        }
    }

    private static void requireFree(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new ClusterException("port " + port + " on " + host + " is already in use (another study or worker,"
                    + " or another program)", e);
        }
    }

    /** Hazelcast logs through SLF4J, so tune4j's log levels (simplelogger.properties) apply to it too. */
    private static void logThroughSlf4j() {
        System.setProperty("hazelcast.logging.type", "slf4j");
    }

    static Config hazelcastConfig(NodeSettings settings) {
        Config config = new Config();
        // Named after the secret: a node with another secret (or none) is refused when it asks to join. The name
        // travels in the clear, so it keeps out strays, not attackers; the MAC on every message does that.
        config.setClusterName(settings.secret().clusterName());
        // No internet, and nothing of the user's goes anywhere but to the machines they named.
        config.setProperty(ClusterProperty.PHONE_HOME_ENABLED.getName(), "false");
        // Hazelcast logs through SLF4J, so tune4j's log level (warnings only) applies to it too.
        config.setProperty(ClusterProperty.LOGGING_TYPE.getName(), "slf4j");
        // Bind the chosen address only: a study must not be reachable on interfaces the user did not pick.
        config.setProperty(ClusterProperty.SOCKET_BIND_ANY.getName(), "false");
        // A private network of a few nodes: join fast, and notice a dead member in seconds, not a minute.
        config.setProperty(ClusterProperty.WAIT_SECONDS_BEFORE_JOIN.getName(), "1");
        config.setProperty(ClusterProperty.MAX_WAIT_SECONDS_BEFORE_JOIN.getName(), "2");
        config.setProperty(ClusterProperty.HEARTBEAT_INTERVAL_SECONDS.getName(), "1");
        config.setProperty(ClusterProperty.MAX_NO_HEARTBEAT_SECONDS.getName(), "15");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(settings.portRange() > 1)
                .setPortCount(settings.portRange());
        network.setPublicAddress(settings.host());
        network.getInterfaces().setEnabled(true).addInterface(settings.host());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(5);
        for (ClusterAddress member : settings.members()) join.getTcpIpConfig().addMember(member.toString());
        // The study's node founds the cluster: it lists itself, so TCP join has a member list.
        if (settings.members().isEmpty()) join.getTcpIpConfig().addMember(settings.host() + ":" + settings.port());
        return config;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** The event bus, every message sealed with the cluster's secret. */
    public SignedBus bus() {
        return bus;
    }

    /** This node's Hazelcast member id, as other nodes see it in membership events. */
    public UUID memberId() {
        return hazelcast.getCluster().getLocalMember().getUuid();
    }

    /** The TCP port Hazelcast listens on (the first free one of the range). */
    public int port() {
        return hazelcast.getCluster().getLocalMember().getAddress().getPort();
    }

    /** How many nodes the cluster has, this one included: 1 means this node found no other and founded its own. */
    public int memberCount() {
        return hazelcast.getCluster().getMembers().size();
    }

    /** Calls {@code listener} with the id of each member that leaves the cluster (a clean exit or a lost one). */
    public void onMemberLeft(Consumer<UUID> listener) {
        hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {}

            @Override
            public void memberRemoved(MembershipEvent event) {
                listener.accept(event.getMember().getUuid());
            }
        });
    }

    /** Leaves the cluster and stops Vert.x; other nodes see this node leave. */
    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Leaving is best effort: the other nodes notice a node that is gone either way.
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
