package io.tune4j.cli.data;

import io.tune4j.cli.UserError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a system tool (npm, tar, apt-get, dpkg-deb) in a folder; its failure is one line naming the command. */
final class Tool {
    private static final long TIMEOUT_MINUTES = 15;

    private Tool() {}

    static void run(Path dir, String... command) {
        String shown = String.join(" ", command);
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            // Read to the end before waiting: a tool that fills the pipe would otherwise block for ever.
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new UserError("'" + shown + "' did not finish in " + TIMEOUT_MINUTES + " min");
            }
            if (process.exitValue() != 0) {
                List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
                throw new UserError("'" + shown + "' failed (exit code " + process.exitValue() + ")"
                        + (lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip()));
            }
        } catch (IOException e) {
            throw new UserError("cannot run '" + shown + "': is " + command[0] + " installed? (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while running '" + shown + "'", e);
        }
    }
}
