package io.tune4j.cli;

import io.tune4j.trainer.cluster.ClusterAddress;
import io.tune4j.trainer.cluster.ClusterException;
import io.tune4j.trainer.cluster.ClusterNode;
import io.tune4j.trainer.cluster.ClusterPool;
import io.tune4j.trainer.cluster.ClusterSecret;
import io.tune4j.trainer.cluster.NodeSettings;
import io.tune4j.trainer.pool.ObjectiveFactory;
import io.tune4j.trainer.pool.PoolSettings;
import io.tune4j.trainer.pool.TrialPool;
import io.tune4j.store.OwnerOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code run --workers-port PORT [--workers-host ADDRESS]}: the study's trials run on cluster workers that join
 * it ({@code tune4j worker --join}), not on this machine. A command-line option, not a space-file key: the
 * address and port belong to the machine the study runs on, so one space file serves both ways.
 */
final class WorkersOption {
    private static final Duration NODE_START = Duration.ofMinutes(2);
    /** Where a study keeps its cluster secret, in its results folder. */
    static final String SECRET_FILE = "tune4j.secret";

    @Option(names = "--workers-port", paramLabel = "PORT",
            description = "Run the trials on cluster workers ('tune4j worker --join HOST:PORT') instead of this "
                    + "machine; the study listens on PORT (Hazelcast) and PORT+1 (event bus). search.parallel "
                    + "is the most trials in flight; they wait for free worker slots.")
    Integer port;

    @Option(names = "--workers-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address of this machine the workers reach; the study binds only it "
                    + "(default: ${DEFAULT-VALUE}, workers on this machine only).")
    String host;

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "The cluster's shared secret; created (owner-only) if missing. Copy it to every worker "
                    + "machine (default: tune4j.secret in the results folder).")
    Path secretFile;

    boolean enabled() {
        return port != null;
    }

    /**
     * Starts the study's cluster node, or null without {@code --workers-port}. Called before the database is
     * opened, so a bad address or a taken port leaves no database behind (the secret may be written).
     */
    ClusterNode startNode(Path resultsDir) {
        if (!enabled()) return null;
        String ownHost = ownHost();
        try {
            NodeSettings.checkStudyPort(port);
        } catch (IllegalArgumentException e) {
            throw new UserError("--workers-port: " + e.getMessage(), e);
        }
        Path file = secretFile != null ? secretFile : OwnerOnly.folder(resultsDir).resolve(SECRET_FILE);
        NodeSettings settings = NodeSettings.study(ownHost, port, secret(file, true));
        try {
            return ClusterNode.start(settings, NODE_START);
        } catch (ClusterException e) {
            throw new UserError("--workers-port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * The secret in {@code file}, which the study creates when it is missing; a worker must be given the
     * study's.
     */
    static ClusterSecret secret(Path file, boolean create) {
        if (!create && !Files.exists(file)) {
            throw new UserError("--secret-file " + file + ": no such file; copy the study's " + SECRET_FILE + " (in its"
                    + " results folder, written when 'tune4j run --workers-port' starts) to this machine");
        }
        try {
            return ClusterSecret.parse(OwnerOnly.readOrCreate(file, ClusterSecret::newText));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new UserError("--secret-file " + file + ": " + e.getMessage(), e);
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
