package io.tune4j.trainer.pool;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a worker process printed, kept to explain its death: its last lines, and the banner the JVM prints
 * when it crashes natively (a fault in libnd4j or OpenBLAS, say), which names the real signal; the JVM then
 * aborts, so the exit status alone always says SIGABRT. Fed from the child's stdout and stderr threads.
 */
final class ChildDeath {
    private static final int LINES_KEPT = 20;
    /** "#  SIGSEGV (0xb) at pc=0x00007f..., pid=7432, tid=7433" in the JVM's fatal error banner. */
    private static final Pattern FATAL_SIGNAL = Pattern.compile("^#\\s+(SIG[A-Z]+) \\(0x[0-9a-f]+\\)");
    /** The line after "# An error report file with more information is saved as:". */
    private static final Pattern REPORT_FILE = Pattern.compile("^#\\s+(/\\S+\\.log)$");
    private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 4, "SIGILL", 6, "SIGABRT",
            7, "SIGBUS", 8, "SIGFPE", 9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

    private final Deque<String> tail = new ArrayDeque<>();
    private String fatalSignal;
    private String reportFile;

    synchronized void see(String line) {
        Matcher signal = FATAL_SIGNAL.matcher(line);
        if (fatalSignal == null && signal.find()) fatalSignal = signal.group(1);
        Matcher report = REPORT_FILE.matcher(line);
        if (fatalSignal != null && reportFile == null && report.find()) reportFile = report.group(1);
        tail.addLast(line);
        if (tail.size() > LINES_KEPT) tail.removeFirst();
    }

    /** Why the child ended with {@code exit} before sending an outcome. */
    synchronized String reason(int exit) {
        String how;
        if (fatalSignal != null) {
            how = "crashed natively with " + fatalSignal + (reportFile == null ? "" : " (JVM crash report " + reportFile + ")");
        } else if (exit > 128) {
            // The JVM reports a child killed by signal N as exit code 128 + N.
            int signal = exit - 128;
            how = "was killed by signal " + signal + (SIGNALS.containsKey(signal) ? " (" + SIGNALS.get(signal) + ")" : "");
        } else {
            how = "exited with code " + exit;
        }
        String last = tail.isEmpty() || fatalSignal != null ? "" : "; its last output: " + tail.peekLast();
        return "the worker process " + how + " before the trial ended" + last;
    }
}
