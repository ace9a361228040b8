package io.tune4j.trainer.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@code tune4j worker} in a JVM of its own on the test classpath, its output kept for the assertions. */
public final class WorkerJvm implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private WorkerJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the worker is gone; what it printed is kept
            }
        }, "worker-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static WorkerJvm start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                "io.tune4j.cli.Main", "worker"));
        command.addAll(List.of(args));
        if (!command.contains("--secret-file")) {
            Path secret = Files.createTempFile("tune4j-test", ".secret");
            secret.toFile().deleteOnExit();
            command.addAll(List.of("--secret-file", TestSecret.writeTo(secret).toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_NUM_THREADS", "1");
        return new WorkerJvm(builder.start());
    }

    /** The exit code, waiting up to {@code seconds}; -1 if it is still running. */
    public int exitCode(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    public List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
