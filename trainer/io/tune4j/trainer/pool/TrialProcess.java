package io.tune4j.trainer.pool;

import io.tune4j.search.study.Objective;
import io.tune4j.search.study.TrialPrunedException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The main class of a worker process: reads one trial request from stdin, runs the objective on the device
 * it names, and streams the trial's reports and its outcome back on stdout as JSON lines (see
 * {@link ProcessPool}). Anything else that writes to stdout (DL4J's logging) is sent to stderr, so it cannot
 * corrupt the stream.
 */
public final class TrialProcess {
    private TrialProcess() {}

    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        exitWhenOrphaned();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        JsonObject request = new JsonObject(in.readLine());
        JsonObject outcome;
        try {
            deviceOf(request).bind();
            ObjectiveFactory factory = (ObjectiveFactory) Class.forName(request.getString("factory"))
                    .getDeclaredConstructor().newInstance();
            Objective objective = factory.create(request.getString("payload"));
            double value = objective.evaluate(new PipedTrial(request, protocol, in));
            outcome = ProcessMessages.of(ProcessMessages.VALUE).put("value", ProcessMessages.number(value));
        } catch (TrialPrunedException pruned) {
            outcome = ProcessMessages.of(ProcessMessages.PRUNED).put("step", pruned.step());
        } catch (Throwable failure) {
            outcome = ProcessMessages.of(ProcessMessages.FAILED).put("error", describe(failure));
        }
        protocol.println(outcome.encode());
        protocol.flush();
        // DL4J leaves non-daemon threads behind; the trial is over, so is the process.
        System.exit(0);
    }

    /**
     * A study process killed outright (kill -9, a crash) cannot kill its children: each child checks for its
     * parent every second and ends itself, so no orphan keeps training and holding a device.
     */
    private static void exitWhenOrphaned() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) return;
        Thread watchdog = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(2);
        }, "tune4j-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static Device deviceOf(JsonObject request) {
        JsonObject device = request.getJsonObject("device");
        return device.containsKey("gpu") ? new CudaDevice(device.getInteger("gpu"))
                : new CpuSlot(device.getInteger("slot"), device.getInteger("threads"));
    }

    /** The exception chain in one line, as the parent stores it for the failed trial. */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) text.append(" <- caused by ");
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) text.append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    /** The trial as the objective in the child sees it: every call becomes a line to the parent. */
    private static final class PipedTrial extends MessagedTrial {
        private final PrintStream out;
        private final BufferedReader in;

        PipedTrial(JsonObject request, PrintStream out, BufferedReader in) {
            super(request);
            this.out = out;
            this.in = in;
        }

        /** Asks the parent, which holds every trial's curve; it answers with a line "true" or "false". */
        @Override
        public boolean shouldPrune() {
            send(ProcessMessages.of(ProcessMessages.ASK_PRUNE));
            try {
                String answer = in.readLine();
                if (answer == null) throw new IllegalStateException("the study process went away");
                return Boolean.parseBoolean(answer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected void send(JsonObject message) {
            out.println(message.encode());
            out.flush();
        }
    }
}
