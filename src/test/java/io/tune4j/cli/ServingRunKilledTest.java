package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.cli.bench.CrashSnapshot;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs share a study; the database server of the folder is killed with SIGKILL while both write, and then
 * the run that started it. (Before the server was a process of its own, the first run served the file, and
 * killing it lost epochs and once left a row no statement could lock again: this test was quarantined.) The
 * other run must carry on through a new server, store every epoch, and re-run what the killed run left.
 */
class ServingRunKilledTest {

    @Test
    void theOtherRunCarriesOnWhenTheServerAndTheFirstRunAreKilled(@TempDir Path results, @TempDir Path logs)
            throws Exception {
        Process first = run(results, logs, "first", 1000);
        awaitFirstLine(logs.resolve("first.out"));
        Process second = run(results, logs, "second", 12);
        awaitFirstLine(logs.resolve("second.out"));
        ProcessHandle server = ProcessHandle.of(serverPid(results)).orElseThrow();
        server.destroyForcibly();
        server.onExit().get(60, TimeUnit.SECONDS);
        awaitTrialLine(logs.resolve("first.out"), first); // through a new server: the first run goes on too
        first.destroyForcibly();
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));

        if (!second.waitFor(300, TimeUnit.SECONDS)) {
            second.destroyForcibly();
            throw new AssertionError("the second run hangs");
        }
        String err = Files.readString(logs.resolve("second.err"));
        assertEquals(0, second.exitValue(), err);
        assertTrue(!err.contains("Exception") && !err.contains("tune4j:"), "second run's stderr: " + err);
        CrashSnapshot end = CrashSnapshot.read(results, "iris-mlp");
        assertTrue(end.openedCleanly(), end.openError());
        assertEquals(0, end.lostEpochs(), "every epoch of every complete trial stored");
        assertEquals(0, end.missingNumbers() + end.duplicates(), "numbers unique, no gap");
        assertEquals(0, end.count(TrialState.RUNNING), "none left RUNNING");
        // What the killed run was running, the second one ran again once it saw that run's process gone.
        List<TrialRecord> trials = end.trials();
        List<TrialRecord> killed = trials.stream().filter(t -> t.attributes().containsKey("retried_as")).toList();
        assertTrue(!killed.isEmpty(), "the first run was running trials when it was killed: " + trials);
        for (TrialRecord dead : killed) {
            TrialRecord rerun = trials.stream()
                    .filter(t -> t.number() == Integer.parseInt(dead.attributes().get("retried_as"))).findFirst().orElseThrow();
            assertEquals(dead.params(), rerun.params());
            assertEquals(TrialState.COMPLETE, rerun.state());
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

    private static long serverPid(Path results) throws Exception {
        Properties server = new Properties();
        server.load(Files.newBufferedReader(results.resolve("tune4j.server")));
        return Long.parseLong(server.getProperty("pid"));
    }

    /** Waits for the run's first line, printed once it has opened the study. */
    private static void awaitFirstLine(Path out) throws Exception {
        awaitOutput(out, text -> text.startsWith("study iris-mlp"), "the run never opened the study");
    }

    /** Waits for one more finished trial than the run has printed now. */
    private static void awaitTrialLine(Path out, Process run) throws Exception {
        long before = Files.readString(out).lines().filter(l -> l.startsWith("trial ")).count();
        awaitOutput(out, text -> text.lines().filter(l -> l.startsWith("trial ")).count() > before || !run.isAlive(),
                "the run finished no trial after the server was killed");
        assertTrue(run.isAlive(), "the first run ended: " + Files.readString(out));
    }

    private static void awaitOutput(Path out, Predicate<String> done, String failure) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < giveUp) {
            if (Files.exists(out) && done.test(Files.readString(out))) return;
            Thread.sleep(100);
        }
        throw new AssertionError(failure);
    }
}
