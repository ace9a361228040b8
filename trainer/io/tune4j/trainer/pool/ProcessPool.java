package io.tune4j.trainer.pool;

import io.tune4j.search.study.Objective;
import io.tune4j.search.study.Trial;
import io.tune4j.search.study.TrialPrunedException;
import io.tune4j.trainer.network.UserClasspath;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs each trial in a child JVM of its own (same classpath), so that a native crash or an off-heap leak
 * ends one trial, not the study, and all of a trial's memory goes back to the system when it ends. The child
 * ({@link TrialProcess}) gets the trial and the device on stdin and streams reports back on stdout; the
 * parent writes them to the store and answers its "should I stop?" questions from the pruner. The objective
 * is built in the child by {@code factory} from {@code payload}: the {@link Objective} given to
 * {@link #start} is not used, as it cannot cross a process boundary.
 */
public final class ProcessPool implements TrialPool {
    private final DeviceWorkers workers;
    private final Class<? extends ObjectiveFactory> factory;
    private final String payload;
    private final Set<Process> children = ConcurrentHashMap.newKeySet();

    public ProcessPool(int workers, DeviceAllocator allocator, Class<? extends ObjectiveFactory> factory,
                       String payload) {
        this.workers = new DeviceWorkers(workers, allocator, "tune4j-process-worker");
        this.factory = factory;
        this.payload = payload;
    }

    @Override
    public int slots() {
        return workers.slots();
    }

    @Override
    public CompletableFuture<Double> start(Trial trial, Objective ignored) {
        return workers.start(trial, device -> runChild(trial, device));
    }

    private double runChild(Trial trial, Device device) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command());
        // The child's BLAS threads come from its environment before ND4J loads; bind() sets them again.
        if (device instanceof CpuSlot slot) builder.environment().put("OMP_NUM_THREADS", String.valueOf(slot.threads()));
        Process child = builder.start();
        children.add(child);
        ChildDeath death = new ChildDeath();
        Thread stderrReader = drain(child, death);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter in = new PrintWriter(new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8), true)) {
            in.println(request(trial, device).encode());
            String line;
            while ((line = out.readLine()) != null) {
                // Native code (libnd4j, OpenBLAS) may print to the real stdout; such lines are output, not protocol.
                if (!line.startsWith("{\"type\"")) {
                    death.see(line);
                    continue;
                }
                JsonObject message = new JsonObject(line);
                switch (message.getString("type")) {
                    case ProcessMessages.REPORT -> trial.report(message.getInteger("step"),
                            ProcessMessages.metrics(message.getJsonObject("metrics")));
                    case ProcessMessages.ATTRIBUTE -> trial.setAttribute(message.getString("key"), message.getString("value"));
                    case ProcessMessages.ASK_PRUNE -> in.println(trial.shouldPrune());
                    case ProcessMessages.VALUE -> {
                        return ProcessMessages.number(message.getValue("value"));
                    }
                    case ProcessMessages.PRUNED -> throw new TrialPrunedException(message.getInteger("step"));
                    case ProcessMessages.FAILED -> throw new WorkerProcessException(message.getString("error"));
                    default -> throw new WorkerProcessException("unexpected line from the worker process: " + line);
                }
            }
            int exit = child.waitFor();
            stderrReader.join(5_000);
            throw new WorkerProcessException(death.reason(exit));
        } finally {
            child.destroyForcibly();
            children.remove(child);
        }
    }

    private JsonObject request(Trial trial, Device device) {
        JsonObject where = device instanceof CudaDevice gpu ? new JsonObject().put("gpu", gpu.index())
                : new JsonObject().put("slot", ((CpuSlot) device).index()).put("threads", ((CpuSlot) device).threads());
        return new JsonObject().put("factory", factory.getName()).put("payload", payload)
                .put("number", trial.number()).put("seed", trial.seed())
                .put("params", new JsonObject(trial.params())).put("device", where);
    }

    /**
     * The same java and classpath as this JVM (users' classes included), with its heap limit. A native crash report goes to the temp
     * folder, not into the user's working folder.
     */
    private static List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xmx") || arg.startsWith("-Dorg.slf4j")) command.add(arg);
        }
        command.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "tune4j-worker-crash-%p.log"));
        command.add("-cp");
        String userClasses = UserClasspath.entries();
        command.add(System.getProperty("java.class.path") + (userClasses.isEmpty() ? "" : File.pathSeparator + userClasses));
        command.add(TrialProcess.class.getName());
        return command;
    }

    /** Reads the child's stderr (DL4J's logs, a crash report) so it never blocks, keeping the last lines. */
    private static Thread drain(Process child, ChildDeath death) {
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    if (!line.isBlank()) death.see(line);
                }
            } catch (IOException ignored) {
                // the child is gone; what was read is kept
            }
        }, "tune4j-worker-stderr");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Kills the children still running: the study is being closed or stopped. */
    @Override
    public void close() {
        workers.stop(0);
        for (Process child : children) child.destroyForcibly();
    }
}
