package io.tune4j.store;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a results database as a run does and holds it until its stdin closes; with a second argument
 * {@code trial}, it first stores study {@code s} with one running trial.
 */
public final class HoldDatabase {
    private HoldDatabase() {}

    public static void main(String[] args) throws IOException {
        try (H2StudyStore store = H2StudyStore.openFile(Path.of(args[0]))) {
            if (args.length > 1) {
                long study = store.openStudy(new StudyDefinition("s", Direction.MINIMIZE, "loss"), "random", 1).id();
                store.createTrial(study, "holder");
            }
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }

    /** Starts a holder of {@code results} in another JVM; {@code args}: "trial" to store one running trial. */
    public static Process start(Path results, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), results.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Waits for the holder's "open": the database is open and what it was asked to store is stored. */
    public static void awaitOpen(Process holder) throws IOException {
        String line = new BufferedReader(new InputStreamReader(holder.getInputStream())).readLine();
        if (!"open".equals(line)) throw new IllegalStateException("the holder did not open the database: " + line);
    }

    /** Lets the holder close the database and end. */
    public static void release(Process holder) throws IOException, InterruptedException {
        holder.getOutputStream().close();
        if (!holder.waitFor(30, TimeUnit.SECONDS)) holder.destroyForcibly();
    }
}
