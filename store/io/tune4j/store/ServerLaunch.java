package io.tune4j.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.h2.Driver;

/**
 * Finds the database server of a results folder, starting one when none answers. The server is a JVM of its
 * own ({@link ResultsServer}) with only H2 and tune4j's store on its class path, in a session of its own
 * ({@code setsid}), so Ctrl-C in the terminal of the run that started it stops the run, not the server that
 * other runs use too. Its output goes to {@code tune4j.server.log}, never to the starting process's pipes (a
 * parent reading a run's output to its end would wait for the server as well).
 */
final class ServerLaunch {
    /** How long a server with no client stays up: the next command of a session finds it still running. */
    static final String IDLE_PROPERTY = "tune4j.server.idle";
    private static final long IDLE_SECONDS = 60;
    /** A JVM starts in about a second idle; on a loaded shared machine it took up to 20 s. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** A starting server that found another one's lock (a server stopping for idleness) is started again after this. */
    private static final Duration RESTART_AFTER = Duration.ofSeconds(25);

    private ServerLaunch() {}

    /** The answering server of {@code dir}, started if needed. */
    static synchronized ServerAddress ensure(Path dir) {
        Optional<ServerAddress> running = answering(dir);
        if (running.isPresent()) return running.get();
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        Process server = start(dir);
        long started = System.nanoTime();
        while (System.nanoTime() < giveUp) {
            running = answering(dir);
            if (running.isPresent()) return running.get();
            if (!server.isAlive() && server.exitValue() != 0) throw new StoreException(lastLine(dir));
            if (!server.isAlive() && System.nanoTime() - started > RESTART_AFTER.toNanos()) {
                server = start(dir);
                started = System.nanoTime();
            }
            pause();
        }
        throw new StoreException("the database server of " + dir + " did not start within " + PATIENCE.toSeconds()
                + " s; see " + dir.resolve(ResultsServer.LOG_FILE));
    }

    /**
     * Stops the server of {@code dir}, if one runs, as SIGTERM does (H2 closes the file cleanly), and waits for
     * it to end: a file system cannot be unmounted while the server holds its file. Its clients would start a
     * new one.
     */
    static void stop(Path dir) {
        Optional<ProcessHandle> server = answering(dir).flatMap(address -> ProcessHandle.of(address.pid()))
                // the pid of a server that died long ago may have been given to another process since
                .filter(process -> process.info().commandLine().orElse("").contains(ResultsServer.class.getName()));
        server.ifPresent(process -> {
            process.destroy();
            process.onExit().orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
        });
    }

    private static Optional<ServerAddress> answering(Path dir) {
        return ServerAddress.read(dir).filter(ServerAddress::answers);
    }

    /**
     * C1 only (TieredStopAtLevel=1): C2 compiling H2's paths cost the server more CPU than the serving itself;
     * StoreScaleBenchmark 500 3 at load ~20: 19 CPU s in the server and 153 ms of writes per trial with C2,
     * 5 CPU s and 75 ms with C1 only. SerialGC and 256 MB: a small heap, no GC threads on a shared machine.
     */
    private static Process start(Path dir) {
        List<String> command = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(setsid)) command.add(setsid.toString());
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classPath(), ResultsServer.class.getName(), dir.toString(),
                System.getProperty(IDLE_PROPERTY, String.valueOf(IDLE_SECONDS))));
        Path log = dir.resolve(ResultsServer.LOG_FILE);
        try {
            OwnerOnly.readOrCreate(log, () -> "# the database server's log");
            return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the database server of " + dir, e);
        }
    }

    /** H2's jar and the folder or jar of this class: all the server needs. */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : new Class<?>[] {Driver.class, ResultsServer.class}) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException | NullPointerException e) {
                return System.getProperty("java.class.path");
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String lastLine(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(ResultsServer.LOG_FILE));
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("tune4j: ")) return lines.get(i).substring("tune4j: ".length());
            }
        } catch (IOException unreadable) {
            // fall through to the general message
        }
        return "the database server of " + dir + " stopped at once; see " + dir.resolve(ResultsServer.LOG_FILE);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while starting the database server", e);
        }
    }
}
