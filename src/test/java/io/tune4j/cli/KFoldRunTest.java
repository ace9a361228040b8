package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.cli.Tune4jCli.Result;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.H2StudyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A space file with {@code evaluation: {kfold: K}} runs through the real command line, fold by fold. */
class KFoldRunTest {
    @TempDir
    Path dir;

    @Test
    void aKFoldStudyRecordsTheFoldsMeanAndSpreadAndExportsAWorkingBundle() throws IOException {
        Path space = Files.writeString(dir.resolve("kfold.yaml"), """
                study: iris-kfold
                dataset: iris
                evaluation: {kfold: 3}
                search: {sampler: random, trials: 2, seed: 4}
                training: {epochs: 4}
                space:
                  learning_rate: 0.05
                  units: {int: [8, 16]}
                """);
        Path results = dir.resolve("results");
        Result run = Tune4jCli.run("run", space.toString(), "--results", results.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("in fold 1 of 3"), run.out());
        List<TrialRecord> trials;
        try (StudyStore store = H2StudyStore.openFile(results)) {
            trials = store.topTrials(store.findStudy("iris-kfold").orElseThrow().id(), 2);
        }
        assertEquals(2, trials.size());
        for (TrialRecord trial : trials) {
            assertEquals("3", trial.attributes().get("folds"));
            assertTrue(Double.parseDouble(trial.attributes().get("value_std")) >= 0, trial.attributes().toString());
        }
        Path bundle = results.resolve("iris-kfold/best-1");
        Result evaluated = Tune4jCli.run("evaluate", bundle.toString(), bundle.resolve("test.csv").toString());
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        double recorded = Double.parseDouble(trials.get(0).attributes().get("test_accuracy"));
        assertTrue(evaluated.out().contains(String.format(java.util.Locale.ROOT, "accuracy   %.4f", recorded)),
                "the first fold's model scores what was recorded: " + recorded + "\n" + evaluated.out());
    }
}
