package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.StudyRecord;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.data.DatasetSpec;
import io.tune4j.trainer.data.ImageFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study on a folder of images with augmentation, through the real command line: it trains, stores a copy of
 * the space file that finds the folder from anywhere, and its exported best trial trains again to the same
 * value (the augmentation is seeded by the trial).
 */
class ImageFolderRunTest {
    @TempDir
    Path dir;

    @Test
    void aStudyOnAnImageFolderRunsExportsAndReruns() throws Exception {
        ImageFolders.greyClasses(dir.resolve("pics"), 6, 6, 12, "bar0", "bar1", "bar2");
        Path space = Files.writeString(dir.resolve("pics.yaml"), """
                study: pics
                dataset: {images: {dir: pics, size: [5, 5], channels: 1}}
                split: {validation: 0.25, test: 0.25}
                search: {sampler: random, trials: 2, seed: 3, parallel: 1}
                training: {epochs: 3}
                space:
                  learning_rate: {log_uniform: [1.0e-2, 5.0e-2]}
                  units: 16
                  augment_flip: true
                  augment_shift: 0.2
                """);
        Path results = dir.resolve("results");
        Tune4jCli.Result run =
                Tune4jCli.run("run", space.toString(), "--results", results.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("on pics (18 train / 9 validation / 9 test rows)"), run.out());

        try (StudyStore store = H2StudyStore.openFile(results)) {
            StudyRecord study = store.findStudy("pics").orElseThrow();
            List<TrialRecord> trials = store.trials(study.id());
            assertEquals(List.of(TrialState.COMPLETE, TrialState.COMPLETE),
                    trials.stream().map(TrialRecord::state).toList());
            StudyPlan stored = StudyFile.parse(study.definition().source(), Path.of("/elsewhere"), "stored");
            assertEquals(new DatasetSpec.Images(dir.resolve("pics").toAbsolutePath(),
                    Optional.of(new DatasetSpec.Size(5, 5)), 1), stored.data().source());
        }

        Path params = results.resolve("pics").resolve("best-1").resolve("params.yaml");
        Tune4jCli.Result rerun =
                Tune4jCli.run("run", params.toString(), "--results", results.toString(), "--no-progress");
        assertEquals(0, rerun.exitCode(), rerun.err());
        try (StudyStore store = H2StudyStore.openFile(results)) {
            TrialRecord best = store.topTrials(store.findStudy("pics").orElseThrow().id(), 1).get(0);
            TrialRecord again = store.trials(store.findStudy("pics-trial-" + best.number()).orElseThrow().id()).get(0);
            assertEquals(best.value(), again.value(), 1e-9);
        }
    }
}
