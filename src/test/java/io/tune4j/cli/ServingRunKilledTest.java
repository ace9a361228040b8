package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quarantined (the pom excludes the tag; run it with
 * {@code mvn test -Dtest=ServingRunKilledTest -Dquarantined=none}): two runs share a study and the one
 * serving the H2 file (AUTO_SERVER) is killed with SIGKILL. It passed 16 of 16 times alone, but once in a full
 * test run it left a trials row that no later statement can lock: H2 2.5.252 spins at 100 % CPU in
 * {@code MVMap.operate} under {@code TransactionMap.lock}, ignoring LOCK_TIMEOUT and query timeouts, in this
 * process and in any process that opens the file afterwards. Until that is solved (a separate H2 server that
 * outlives the runs, or a newer H2), the suite must not hang on it; README, "Crash safety and shared storage".
 */
@Tag("h2-takeover")
class ServingRunKilledTest {

    @Test
    void theOtherRunCarriesOnWhenTheRunServingTheFileIsKilled(@TempDir Path results, @TempDir Path logs)
            throws Exception {
        Process server = run(results, logs, "server", 1000);
        awaitFirstLine(logs.resolve("server.out")); // it opened the file first: it serves it
        Process client = run(results, logs, "client", 12);
        awaitFirstLine(logs.resolve("client.out"));
        server.destroyForcibly();
        assertTrue(server.waitFor(60, TimeUnit.SECONDS));

        if (!client.waitFor(240, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("the client run hangs: the H2 row lock described above");
        }
        int exit = client.exitValue();
        String err = Files.readString(logs.resolve("client.err"));
        assertEquals(0, exit, err);
        assertTrue(!err.contains("Exception") && !err.contains("tune4j:"), "client stderr: " + err);
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            List<TrialRecord> trials = store.trials(store.findStudy("iris-mlp").orElseThrow().id());
            for (int n = 0; n < trials.size(); n++) assertEquals(n, trials.get(n).number(), "numbers unique, no gap");
            assertTrue(trials.stream().allMatch(t -> t.state().isFinished()), "none left RUNNING: " + trials);
            // What the killed server was running, the client ran again once it saw the server's process gone.
            List<TrialRecord> killed = trials.stream().filter(t -> t.attributes().containsKey("retried_as")).toList();
            assertTrue(!killed.isEmpty(), "the server was running trials when it was killed: " + trials);
            for (TrialRecord dead : killed) {
                TrialRecord rerun = trials.get(Integer.parseInt(dead.attributes().get("retried_as")));
                assertEquals(dead.params(), rerun.params());
                assertEquals(TrialState.COMPLETE, rerun.state());
            }
        }
    }

    private static Process run(Path results, Path logs, String name, int trials) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "spaces/iris-mlp.yaml", "--trials", String.valueOf(trials), "--no-progress",
                "--results", results.toString())
                .redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(logs.resolve(name + ".err").toFile())
                .start();
    }

    /** Waits for the run's first line, printed once it has opened the study. */
    private static void awaitFirstLine(Path out) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < giveUp) {
            if (Files.exists(out) && Files.readString(out).startsWith("study iris-mlp")) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the run never opened the study");
    }
}
