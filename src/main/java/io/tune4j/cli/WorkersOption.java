package io.tune4j.cli;

import io.tune4j.trainer.cluster.ClusterAddress;
import io.tune4j.trainer.cluster.ClusterException;
import io.tune4j.trainer.cluster.ClusterNode;
import io.tune4j.trainer.cluster.ClusterPool;
import io.tune4j.trainer.cluster.NodeSettings;
import io.tune4j.trainer.pool.ObjectiveFactory;
import io.tune4j.trainer.pool.PoolSettings;
import io.tune4j.trainer.pool.TrialPool;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code run --workers-port PORT [--workers-host ADDRESS]}: the study's trials run on cluster workers that join
 * it ({@code tune4j worker --join}), not on this machine. A command-line option, not a space-file key: the
 * address and port belong to the machine the study runs on, so one space file serves both ways.
 */
final class WorkersOption {
    private static final Duration NODE_START = Duration.ofMinutes(2);

    @Option(names = "--workers-port", paramLabel = "PORT",
            description = "Run the trials on cluster workers ('tune4j worker --join HOST:PORT') instead of this "
                    + "machine; the study listens on PORT (Hazelcast) and PORT+1 (event bus). search.parallel "
                    + "is the most trials in flight; they wait for free worker slots.")
    Integer port;

    @Option(names = "--workers-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address of this machine the workers reach; the study binds only it "
                    + "(default: ${DEFAULT-VALUE}, workers on this machine only).")
    String host;

    boolean enabled() {
        return port != null;
    }

    /**
     * Starts the study's cluster node, or null without {@code --workers-port}. Called before the database is
     * opened, so a bad address or a taken port leaves nothing behind.
     */
    ClusterNode startNode() {
        if (!enabled()) return null;
        NodeSettings settings;
        try {
            settings = NodeSettings.study(ownHost(), port);
        } catch (IllegalArgumentException e) {
            throw new UserError("--workers-port: " + e.getMessage(), e);
        }
        try {
            return ClusterNode.start(settings, NODE_START);
        } catch (ClusterException e) {
            throw new UserError("--workers-port " + port + ": " + e.getMessage(), e);
        }
    }

    private String ownHost() {
        try {
            return ClusterAddress.checkOwnHost(host);
        } catch (IllegalArgumentException e) {
            throw new UserError("--workers-host: " + e.getMessage(), e);
        }
    }

    /** The pool trials run on: the cluster's when {@code node} was started, else the one the settings say. */
    static TrialPool pool(ClusterNode node, PoolSettings settings, Class<? extends ObjectiveFactory> factory,
                          String payload) {
        return node == null ? TrialPool.of(settings, factory, payload)
                : new ClusterPool(node, settings.parallel(), factory, payload);
    }

    String describe(PoolSettings settings) {
        return "up to " + settings.parallel() + " trial(s) at once (search.parallel) on cluster workers; start them with"
                + " './tune4j worker --join " + new ClusterAddress(host, port) + "'";
    }
}
