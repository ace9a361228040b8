package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.FreeSpaceWatch;
import io.tune4j.store.H2StudyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose disk fills, and results on a read-only disk, on real small file systems: a tmpfs of 64 MB, and
 * a read-only bind mount. Mounting needs root (as in this project's CI container); elsewhere the tests are
 * skipped, saying so.
 */
class FullAndReadOnlyDiskTest {

    @Test
    void aRunWhoseDiskFillsStopsInOneLineAndKeepsWhatItRecorded(@TempDir Path dir) throws Exception {
        Path disk = mount(dir.resolve("disk"), "-t", "tmpfs", "-o", "size=64m", "tmpfs");
        try {
            Path results = disk.resolve("results");
            Path err = dir.resolve("err");
            Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "run", "spaces/iris-mlp.yaml", "--trials", "500", "--no-progress", "--results", results.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
            Map<Integer, Integer> before = Map.of();
            while (before.size() < 3) {
                assertTrue(run.isAlive(), Files.readString(err));
                Thread.sleep(500);
                if (Files.exists(results.resolve(H2StudyStore.FILE_NAME))) before = completeEpochs(results);
            }
            long free = FreeSpaceWatch.usable(disk).getAsLong();
            // Leaves 16 MB: below the floor at which a run stops, above what its last writes need.
            sh("fallocate", "-l", String.valueOf(free - (16L << 20)), disk.resolve("filler").toString());
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the run stops within seconds");
            assertEquals(RunCommand.DISK_FULL, run.exitValue());
            String stderr = Files.readString(err).strip();
            assertEquals(1, stderr.lines().count(), stderr);
            assertTrue(stderr.startsWith("tune4j: the disk of the results folder " + results + " is full ("), stderr);

            Files.delete(disk.resolve("filler"));
            Map<Integer, Integer> after = completeEpochs(results);
            for (Map.Entry<Integer, Integer> trial : before.entrySet()) {
                assertEquals(trial.getValue(), after.get(trial.getKey()), "trial " + trial.getKey() + " is kept whole");
            }
            try (H2StudyStore store = H2StudyStore.openReader(results)) {
                List<TrialRecord> trials = store.trials(store.findStudy("iris-mlp").orElseThrow().id());
                assertTrue(trials.stream().noneMatch(t -> t.state() == TrialState.RUNNING), trials.toString());
            }
        } finally {
            H2StudyStore.stopServer(disk.resolve("results")); // it holds the file open a minute after its last client
            sh("umount", disk.toString());
        }
    }

    @Test
    void resultsOnAReadOnlyDiskCanStillBeReadAndExportedElsewhere(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        Tune4jCli.Result first = Tune4jCli.run("run", "spaces/iris-mlp.yaml", "--trials", "2", "--no-progress",
                "--results", results.toString());
        assertEquals(0, first.exitCode(), first.err());
        // A disk that is read-only holds a file no server has open: the folder's server is stopped first.
        H2StudyStore.stopServer(results);
        Path readOnly = mount(dir.resolve("ro"), "--bind", results.toString());
        try {
            sh("mount", "-o", "remount,bind,ro", readOnly.toString());
            for (String[] command : new String[][] {{"studies"}, {"leaderboard", "iris-mlp"}, {"trials", "iris-mlp"},
                    {"export", "iris-mlp", "--to", dir.resolve("exports").toString()}}) {
                String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                        java.util.stream.Stream.of("--results", readOnly.toString())).toArray(String[]::new);
                Tune4jCli.Result result = Tune4jCli.run(args);
                assertEquals(0, result.exitCode(), String.join(" ", command) + ": " + result.err());
                assertEquals("", result.err(), String.join(" ", command));
            }
            assertTrue(Files.exists(dir.resolve("exports/iris-mlp/best-1/params.yaml")));
        } finally {
            sh("umount", readOnly.toString());
        }
    }

    /** Trial number to its stored epochs, for the complete trials. */
    private static Map<Integer, Integer> completeEpochs(Path results) {
        try (H2StudyStore store = H2StudyStore.openReader(results)) {
            return store.findStudy("iris-mlp").map(study -> store.trials(study.id()).stream()
                    .filter(t -> t.state() == TrialState.COMPLETE)
                    .collect(Collectors.toMap(TrialRecord::number, t -> store.intermediateValues(t.id()).size())))
                    .orElse(Map.of());
        }
    }

    private static Path mount(Path at, String... how) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small or read-only file system needs root");
        Files.createDirectories(at);
        String[] command = new String[how.length + 2];
        command[0] = "mount";
        System.arraycopy(how, 0, command, 1, how.length);
        command[command.length - 1] = at.toString();
        sh(command);
        return at;
    }

    private static void sh(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }
}
