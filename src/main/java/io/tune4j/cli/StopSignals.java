package io.tune4j.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs a last action when the user stops the process (Ctrl-C, SIGTERM), then exits. A shutdown hook cannot
 * do this: the hooks of a JVM run at once and in no order, and the results database's own hook (which a
 * shared, AUTO_SERVER database requires) would close it while ours still writes. Handling the signal itself
 * lets the action finish before the exit starts any hook.
 */
final class StopSignals implements AutoCloseable {
    private static final Map<String, Integer> EXIT_CODES = Map.of("INT", 130, "TERM", 143);

    private final Map<Signal, SignalHandler> previous = new HashMap<>();
    private final Consumer<String> beforeExit;
    private volatile boolean stopping;

    /**
     * {@code beforeExit} is given why the run stops, e.g. "study stopped early: SIGINT stopped the run" (Ctrl-C)
     * or TERM's, or tune4j's own reason given to {@link #stop}.
     */
    StopSignals(Consumer<String> beforeExit) {
        this.beforeExit = beforeExit;
        SignalHandler handler = signal -> stop("study stopped early: SIG" + signal.getName() + " stopped the run",
                EXIT_CODES.getOrDefault(signal.getName(), 1));
        for (String name : EXIT_CODES.keySet()) {
            Signal signal = new Signal(name);
            previous.put(signal, Signal.handle(signal, handler));
        }
    }

    /**
     * Once a stop has come, blocks for good: its handler ends the process when its action is done, and
     * meanwhile the interrupted run must not go on as if it had finished (print a leaderboard, export).
     */
    void holdIfStopping() throws InterruptedException {
        while (stopping) Thread.sleep(1000);
    }

    /** Stops as a signal would, for a reason of tune4j's own (a full disk), exiting with {@code exitCode}. */
    void stop(String reason, int exitCode) {
        stopping = true;
        beforeExit.accept(reason);
        System.exit(exitCode);
    }

    /** Gives the signals back to whoever handled them before (the JVM's shutdown, normally). */
    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
