package io.tune4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database server of a results folder: one per folder however many processes start at once, a process of
 * its own that outlives its clients, restarted by the next client when it is killed (with every committed
 * write kept), and gone after its idle time.
 */
class ResultsServerTest {

    @Test
    void processesStartingTogetherShareOneServer(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        List<Process> holders = new ArrayList<>();
        for (int i = 0; i < 3; i++) holders.add(HoldDatabase.start(results));
        try {
            for (Process holder : holders) HoldDatabase.awaitOpen(holder);
            ServerAddress server = ServerAddress.read(results).orElseThrow();
            assertTrue(server.answers());
            long servers = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(ResultsServer.class.getName() + " " + results))
                    .count();
            assertEquals(1, servers, "one server for the folder");
            for (Process holder : holders) assertTrue(holder.pid() != server.pid(), "no client serves the file");
        } finally {
            for (Process holder : holders) HoldDatabase.release(holder);
        }
    }

    @Test
    void aKilledServerIsRestartedByItsClientsAndKeepsEveryCommit(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            long study = store.openStudy(new StudyDefinition("s", Direction.MINIMIZE, "loss"), "random", 1).id();
            ExecutorService writers = Executors.newFixedThreadPool(2);
            List<Future<Long>> trials = new ArrayList<>();
            Callable<Long> writer = () -> {
                long trial = store.createTrial(study, "w").id();
                for (int step = 1; step <= 40; step++) {
                    store.reportIntermediate(trial, step, Map.of("loss", 1.0 / step));
                    Thread.sleep(10);
                }
                store.finishTrial(trial, TrialState.COMPLETE, 0.025, null);
                return trial;
            };
            for (int i = 0; i < 4; i++) trials.add(writers.submit(writer));
            ServerAddress first = ServerAddress.read(results).orElseThrow();
            Thread.sleep(300);
            ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
            for (Future<Long> trial : trials) trial.get(180, TimeUnit.SECONDS);
            writers.shutdown();

            ServerAddress second = ServerAddress.read(results).orElseThrow();
            assertTrue(second.pid() != first.pid() && second.answers(), "a new server serves the file");
            List<TrialRecord> stored = store.trials(study);
            assertEquals(4, stored.size());
            for (TrialRecord trial : stored) {
                assertEquals(TrialState.COMPLETE, trial.state());
                assertEquals(40, store.intermediateValues(trial.id()).size(), "every step of trial " + trial.number());
            }
        }
    }

    @Test
    void theServerStopsAfterItsIdleTimeWithNoClient(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        System.setProperty(ServerLaunch.IDLE_PROPERTY, "2");
        try {
            try (H2StudyStore store = H2StudyStore.openFile(results)) {
                store.openStudy(new StudyDefinition("s", Direction.MINIMIZE, "loss"), "random", 1);
            }
        } finally {
            System.clearProperty(ServerLaunch.IDLE_PROPERTY);
        }
        ServerAddress server = ServerAddress.read(results).orElseThrow();
        ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();
        process.onExit().get(120, TimeUnit.SECONDS);
        assertFalse(Files.exists(results.resolve(ServerAddress.FILE_NAME)), "the address is withdrawn");
        // The next client starts a new one, and finds the file as it was left.
        try (H2StudyStore reader = H2StudyStore.openReader(results)) {
            assertEquals(1, reader.studies().size());
        }
    }
}
