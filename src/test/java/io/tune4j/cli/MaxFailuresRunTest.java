package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./tune4j run with search.max_failures on a study whose every trial diverges: it stops, says why, exits 3. */
class MaxFailuresRunTest {

    @Test
    void aRunWhoseTrialsKeepFailingStopsWithAClearMessage(@TempDir Path dir) throws Exception {
        Path space = dir.resolve("diverge.yaml");
        // A learning rate no network survives: every trial ends in NaNs.
        Files.writeString(space, """
                study: diverge
                dataset: iris
                search: {sampler: random, trials: 30, seed: 1, max_failures: 2}
                training: {epochs: 5}
                space:
                  learning_rate: {log_uniform: [1.0e+8, 1.0e+9]}
                  optimizer: {choice: [sgd]}
                  units: {int: [8, 8]}
                """);
        Path results = dir.resolve("results");
        Tune4jCli.Result run = Tune4jCli.run("run", space.toString(), "--no-progress", "--results", results.toString());

        assertEquals(RunCommand.STOPPED_EARLY, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("tune4j: study stopped early: 2 trials failed in this run (max_failures: 2);"
                + " the last: trial "), run.err());
        assertTrue(run.err().contains("NaN"), "the last failure is named: " + run.err());
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            List<TrialRecord> trials = store.trials(store.findStudy("diverge").orElseThrow().id());
            assertTrue(trials.size() < 30 && trials.size() >= 2, "stopped near the limit: " + trials.size());
            assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.FAILED), trials.toString());
        }
    }
}
