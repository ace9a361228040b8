package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on different machines share one study through {@code tune4j serve} (H2 over TLS) and the client file it
 * writes, shown on loopback with three working folders: the serving one and two "machines" that have only a
 * copy of {@code tune4j.client}. Trials of both land in one study with unique numbers; each machine keeps its
 * own models; the port speaks TLS only; a client file with another server's certificate is refused.
 */
class ManyMachinesTest {
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void twoMachinesShareAStudyServedOverTls(@TempDir Path work) throws Exception {
        Path served = work.resolve("served/results");
        Process server = start(work, "serve", "serve", "--results", served.toString(), "--host", "127.0.0.1",
                "--port", "0");
        awaitLine(work.resolve("serve.out"), "serving ", server);
        List<Process> runs = new ArrayList<>();
        for (String machine : new String[] {"b", "c"}) {
            Path folder = Files.createDirectories(work.resolve(machine));
            Files.copy(served.resolve("tune4j.client"), folder.resolve("tune4j.client"));
            runs.add(start(work, machine, "run", "spaces/iris-mlp.yaml", "--trials", "3", "--no-progress",
                    "--results", folder.resolve("results").toString(),
                    "--results-server", folder.resolve("tune4j.client").toString()));
        }
        for (int i = 0; i < runs.size(); i++) {
            assertTrue(runs.get(i).waitFor(300, TimeUnit.SECONDS), "run " + i + " ends");
            assertEquals(0, runs.get(i).exitValue(), Files.readString(work.resolve((i == 0 ? "b" : "c") + ".err")));
        }

        try (H2StudyStore store = H2StudyStore.openRemote(work.resolve("b/tune4j.client"))) {
            List<TrialRecord> trials = store.trials(store.findStudy("iris-mlp").orElseThrow().id());
            assertEquals(6, trials.size());
            assertEquals(List.of(0, 1, 2, 3, 4, 5), trials.stream().map(TrialRecord::number).sorted().toList());
            assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE), trials.toString());
        }
        for (String machine : new String[] {"b", "c"}) {
            assertTrue(Files.isDirectory(work.resolve(machine).resolve("results/iris-mlp")), machine + " keeps its models");
        }
        assertFalse(Files.exists(served.resolve("iris-mlp")), "the serving folder holds the database only");

        // The port speaks TLS only: the right account over plain TCP gets nowhere.
        Properties client = new Properties();
        client.load(Files.newBufferedReader(served.resolve("tune4j.client")));
        String plain = client.getProperty("url").replace("jdbc:h2:ssl:", "jdbc:h2:tcp:");
        assertThrows(SQLException.class, () -> DriverManager.getConnection(plain, client.getProperty("user"),
                client.getProperty("password")).close());
    }

    @Test
    void aClientFileWithAnotherServersCertificateIsRefused(@TempDir Path work) throws Exception {
        Path served = work.resolve("served/results");
        Process server = start(work, "serve", "serve", "--results", served.toString(), "--host", "127.0.0.1",
                "--port", "0");
        awaitLine(work.resolve("serve.out"), "serving ", server);
        Path other = work.resolve("other/results");
        Process otherServer = start(work, "other", "serve", "--results", other.toString(), "--host", "127.0.0.1",
                "--port", "0");
        awaitLine(work.resolve("other.out"), "serving ", otherServer);
        // The URL and account of the first server with the certificate of the second: a man in the middle.
        String forged = Files.readString(served.resolve("tune4j.client")).replaceAll("(?m)^certificate=.*$",
                Files.readString(other.resolve("tune4j.client")).lines()
                        .filter(l -> l.startsWith("certificate=")).findFirst().orElseThrow());
        Path forgedFile = Files.writeString(work.resolve("forged.client"), forged);
        Process studies = start(work, "studies", "studies", "--results-server", forgedFile.toString());
        assertTrue(studies.waitFor(120, TimeUnit.SECONDS));
        String err = Files.readString(work.resolve("studies.err"));
        assertEquals(2, studies.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("tune4j: ") && err.contains("TLS"), err);
    }

    /** {@code tune4j ARGS} in a JVM of its own (each a separate machine's process), logging to NAME.out/err. */
    private Process start(Path work, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(work.resolve(name + ".out").toFile())
                .redirectError(work.resolve(name + ".err").toFile()).start();
        started.add(process);
        return process;
    }

    private static void awaitLine(Path out, String start, Process process) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < giveUp) {
            if (Files.exists(out) && Files.readString(out).lines().anyMatch(l -> l.startsWith(start))) return;
            assertTrue(process.isAlive(), "ended: " + (Files.exists(out) ? Files.readString(out) : ""));
            Thread.sleep(100);
        }
        throw new AssertionError("no line starting '" + start + "' in " + out);
    }
}
