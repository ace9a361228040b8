package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.IntermediateValue;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.OfflineDl4j;
import io.tune4j.trainer.data.Task;
import io.tune4j.trainer.training.TaskMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune4j run} with a pool, a pruner and worker processes: real DL4J training on iris, a real H2 file. */
class ParallelRunTest {
    private static final String IRIS = """
            study: iris-pool
            dataset: iris
            objective: {metric: val_accuracy, direction: maximize}
            training: {epochs: 12}
            space:
              learning_rate: {log_uniform: [1.0e-4, 1.0e-1]}
              units: {int_log: [4, 32]}
            """;

    @TempDir Path dir;

    @BeforeAll
    static void noDownloads() {
        OfflineDl4j.refuseDownloads();
    }

    @Test
    void twoWorkersWithAshaRecordTheirDevicesAndPrunedTrials() throws IOException {
        List<TrialRecord> trials = run(IRIS + """
                search: {sampler: random, trials: 10, seed: 5, parallel: 2}
                pruner: {type: asha, min_epochs: 1, reduction_factor: 3}
                """);
        assertEquals(10, trials.size());
        assertEquals(Set.of("cpu:0", "cpu:1"), trials.stream().map(TrialRecord::device).collect(Collectors.toSet()));
        List<TrialRecord> pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).toList();
        assertTrue(!pruned.isEmpty(), "ASHA keeps 1 in 3 at each rung; none pruned among 10: " + trials);
        assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.PRUNED || t.state() == TrialState.COMPLETE));
        try (StudyStore store = H2StudyStore.openFile(dir.resolve("results"))) {
            for (TrialRecord trial : pruned) {
                int lastEpoch = store.intermediateValues(trial.id()).stream().mapToInt(IntermediateValue::step).max()
                        .orElseThrow();
                assertEquals(String.valueOf(lastEpoch), trial.attributes().get("pruned_at_epoch"));
                assertTrue(Set.of(1, 3, 9).contains(lastEpoch), "pruned only at a rung: " + lastEpoch);
            }
        }
    }

    @Test
    void workerProcessesTrainTheTrialsAndTheParentStoresEverything() throws IOException {
        List<TrialRecord> trials = run(IRIS + """
                search: {sampler: random, trials: 2, seed: 5, parallel: 2, isolation: process}
                """);
        assertEquals(List.of(TrialState.COMPLETE, TrialState.COMPLETE), trials.stream().map(TrialRecord::state).toList());
        for (TrialRecord trial : trials) {
            assertEquals("12", trial.attributes().get("epochs_trained"));
            assertTrue(Files.exists(dir.resolve("results/iris-pool/models/trial-" + trial.number() + ".zip")));
        }
        try (StudyStore store = H2StudyStore.openFile(dir.resolve("results"))) {
            assertEquals(12 * TaskMetrics.reported(Task.CLASSIFICATION).size(),
                    store.intermediateValues(trials.get(0).id()).size(), "12 epochs x every metric of the task");
        }
    }

    @Test
    void divergingTrialsFailWithTheirReasonWhileTheOtherWorkerGoesOn() throws IOException {
        List<TrialRecord> trials = run("""
                study: iris-pool
                dataset: iris
                objective: {metric: val_accuracy, direction: maximize}
                search: {sampler: random, trials: 6, seed: 3, parallel: 2}
                training: {epochs: 5}
                space:
                  optimizer: sgd
                  learning_rate: {choice: [1.0e9, 0.05]}
                  hidden_layers: 2
                  units: 64
                """);
        assertEquals(6, trials.size());
        for (TrialRecord trial : trials) {
            boolean diverges = ((Number) trial.params().get("learning_rate")).doubleValue() > 1;
            assertEquals(diverges ? TrialState.FAILED : TrialState.COMPLETE, trial.state(), trial.toString());
            if (diverges) assertTrue(trial.error().startsWith("TrialDivergedException: diverged at epoch 1"), trial.error());
        }
        assertTrue(trials.stream().anyMatch(t -> t.state() == TrialState.FAILED), trials.toString());
        assertTrue(trials.stream().anyMatch(t -> t.state() == TrialState.COMPLETE), trials.toString());
    }

    @Test
    void gpusOnTheCpuBuildAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path file = dir.resolve("gpus.yaml");
        Files.writeString(file, IRIS + "search: {devices: [0]}\n");
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("run", file.toString(), "--results", dir.resolve("results").toString(), "--no-progress");
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("search.devices: devices [0] need the CUDA backend"), err.toString());
        assertTrue(err.toString().contains("mvn -Pcuda"), err.toString());
        assertTrue(Files.notExists(dir.resolve("results")), "nothing written");
    }

    private List<TrialRecord> run(String spaceFile) throws IOException {
        Path file = dir.resolve("iris-pool.yaml");
        Files.writeString(file, spaceFile);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("run", file.toString(), "--results", dir.resolve("results").toString(), "--no-progress");
        assertEquals(0, exit, err + "\n" + out);
        try (StudyStore store = H2StudyStore.openFile(dir.resolve("results"))) {
            return store.trials(store.findStudy("iris-pool").orElseThrow().id());
        }
    }
}
