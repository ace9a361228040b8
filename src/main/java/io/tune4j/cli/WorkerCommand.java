package io.tune4j.cli;

import io.tune4j.search.study.WorkerName;
import io.tune4j.trainer.cluster.ClusterAddress;
import io.tune4j.trainer.cluster.ClusterException;
import io.tune4j.trainer.cluster.ClusterNode;
import io.tune4j.trainer.cluster.ClusterWorker;
import io.tune4j.trainer.cluster.NodeSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Join a study started with 'run --workers-port' and train its trials on this machine's CPU "
                + "until the study ends.")
final class WorkerCommand implements Callable<Integer> {
    @Mixin
    ClasspathOption classpath;

    /** Hazelcast ports tried upwards from --port, so several workers on one machine need no options. */
    private static final int PORT_RANGE = 100;
    private static final Duration NODE_START = Duration.ofMinutes(2);
    /** How long one cluster node looks for the study before it is started again (see call()). */
    private static final Duration RETRY_JOIN = Duration.ofSeconds(15);

    @Option(names = "--join", required = true, paramLabel = "HOST[:PORT]",
            description = "The study's address and --workers-port (port default: " + ClusterAddress.DEFAULT_PORT + ").")
    String join;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "This machine's address the study reaches; the worker binds only it "
                    + "(default: ${DEFAULT-VALUE}, a study on this machine).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "5702",
            description = "First Hazelcast port to try; the next free one of " + PORT_RANGE + " is taken "
                    + "(default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bus-port", paramLabel = "PORT", defaultValue = "0",
            description = "Event bus port (default: any free one; fix it to open it in a firewall).")
    int busPort;

    @Option(names = "--slots", paramLabel = "N",
            description = "Trials at once, one CPU slot with one BLAS thread each (default: this machine's cores).")
    Integer slots;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "60s",
            description = "How long to wait for the study to answer (default: ${DEFAULT-VALUE}).")
    String wait;

    @Option(names = "--name", paramLabel = "NAME",
            description = "How trials record this worker (default: host:pid).")
    String name;

    @Option(names = "--secret-file", paramLabel = "FILE", defaultValue = "results/" + WorkersOption.SECRET_FILE,
            description = "The study's cluster secret, a copy of the file in its results folder "
                    + "(default: ${DEFAULT-VALUE}, the study's own on this machine).")
    Path secretFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ClusterAddress study = checked("--join", () -> ClusterAddress.parse(join));
        Duration patience = Durations.parse("--wait", wait);
        int trialsAtOnce = slots == null ? Runtime.getRuntime().availableProcessors() : slots;
        if (trialsAtOnce < 1) throw new UserError("--slots must be >= 1, got " + trialsAtOnce);
        NodeSettings settings = new NodeSettings(checked("--host", () -> ClusterAddress.checkOwnHost(host)),
                checked("--port", () -> ClusterAddress.checkPort(port, "the port")), PORT_RANGE,
                checked("--bus-port", () -> busPort == 0 ? 0 : ClusterAddress.checkPort(busPort, "the port")),
                List.of(study), WorkersOption.secret(secretFile, false));
        PrintWriter out = spec.commandLine().getOut();
        String workerName = name != null ? name : WorkerName.ofThisProcess();
        long deadline = System.nanoTime() + patience.toNanos();
        ClusterNode node = null;
        ClusterWorker worker = null;
        while (true) {
            if (node == null) {
                node = startNode(settings);
                worker = new ClusterWorker(node, workerName, trialsAtOnce, line -> {
                    out.println(line);
                    out.flush();
                });
            }
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            try {
                worker.join(study.toString(), left.compareTo(RETRY_JOIN) < 0 ? left : RETRY_JOIN);
                return serve(worker, node, workerName, study, trialsAtOnce, out);
            } catch (ClusterException e) {
                if (System.nanoTime() >= deadline) {
                    node.close();
                    throw new UserError("no study answered at " + study + " within " + patience.toSeconds() + " s: is "
                            + "'./tune4j run SPACE_FILE --workers-port " + study.port() + "' running there, and can "
                            + "this machine reach it (ports " + study.port() + " and " + (study.port() + 1) + ")?", e);
                }
                // A node started before the study's founded a cluster of its own, which Hazelcast would merge
                // with the study's only minutes later: it is closed and started again. A node in the study's
                // cluster keeps waiting (the study may still be opening its database).
                if (node.memberCount() == 1) {
                    node.close();
                    node = null;
                    out.println("no study at " + study + " yet; trying again until --wait (" + patience.toSeconds()
                            + " s) runs out");
                    out.flush();
                }
            }
        }
    }

    private ClusterNode startNode(NodeSettings settings) {
        try {
            return ClusterNode.start(settings, NODE_START);
        } catch (ClusterException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** Trains the study's trials until it ends; Ctrl-C hands this worker's trials back to the study first. */
    private int serve(ClusterWorker worker, ClusterNode node, String workerName, ClusterAddress study,
                      int trialsAtOnce, PrintWriter out) throws Exception {
        Thread onStop = new Thread(() -> {
            worker.leave();
            node.close();
        }, "tune4j-worker-stop");
        Runtime.getRuntime().addShutdownHook(onStop);
        out.printf("worker %s joined the study at %s with %d slot(s) (cluster port %d)%n", workerName, study,
                trialsAtOnce, node.port());
        out.flush();
        ClusterWorker.Ending ending = worker.ended().get();
        Runtime.getRuntime().removeShutdownHook(onStop);
        node.close();
        out.println("worker " + workerName + " exits: " + ending.reason());
        out.flush();
        return ending.clean() ? 0 : 1;
    }

    /** The value {@code check} returns, or its complaint as a user error naming {@code option}. */
    private static <T> T checked(String option, Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new UserError(option + ": " + e.getMessage(), e);
        }
    }
}
