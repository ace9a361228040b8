package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.cli.Tune4jCli.Result;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.cluster.FreePorts;
import io.tune4j.trainer.cluster.TestSecret;
import io.tune4j.trainer.cluster.WorkerJvm;
import io.tune4j.trainer.data.Task;
import io.tune4j.trainer.training.TaskMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --workers-port} with a {@code tune4j worker} JVM: real DL4J trials on iris, trained by the worker. */
class ClusterRunTest {

    @Test
    void aStudyRunOnAClusterWorkerStoresItsTrialsAndEpochs(@TempDir Path dir) throws Exception {
        Path space = dir.resolve("iris-cluster.yaml");
        Files.writeString(space, Files.readString(Path.of("spaces/iris-mlp.yaml"))
                .replace("search: {sampler: random, trials: 3, seed: 42}", "search: {sampler: random, trials: 3, seed: 42, parallel: 2}")
                .replace("epochs: 30", "epochs: 2"));
        Path results = dir.resolve("results");
        // The study uses the secret its results folder holds, and the worker is given a copy.
        TestSecret.writeTo(results.resolve("tune4j.secret"));
        int port = FreePorts.pair();
        CompletableFuture<Result> run = CompletableFuture.supplyAsync(() -> Tune4jCli.run("run", space.toString(),
                "--results", results.toString(), "--no-progress", "--workers-port", String.valueOf(port)));
        try (WorkerJvm worker = WorkerJvm.start("--join", "127.0.0.1:" + port, "--slots", "2", "--name", "box-2",
                "--wait", "5m")) {
            Result study = run.get(10, TimeUnit.MINUTES);
            assertEquals(0, study.exitCode(), study.err());
            assertTrue(study.out().contains("on cluster workers; start them with './tune4j worker --join 127.0.0.1:"
                    + port + "'"), study.out());
            assertEquals(0, worker.exitCode(120), worker.output().toString());
            assertTrue(worker.output().get(0).startsWith("worker box-2 joined the study at 127.0.0.1:" + port
                    + " with 2 slot(s)"), worker.output().toString());
        }
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            List<TrialRecord> trials = store.trials(store.findStudy("iris-mlp").orElseThrow().id());
            assertEquals(3, trials.size());
            for (TrialRecord trial : trials) {
                assertEquals(TrialState.COMPLETE, trial.state(), trial.toString());
                assertTrue(trial.device().matches("box-2/cpu:[01]"), trial.device());
                assertEquals(TaskMetrics.reported(Task.CLASSIFICATION).size() * 2,
                        store.intermediateValues(trial.id()).size(), "every metric x 2 epochs from the worker");
                assertEquals("2", trial.attributes().get("epochs_trained"));
            }
        }
    }
}
