package io.tune4j.trainer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tune4j.search.study.Direction;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRetentionTest {
    @TempDir
    Path models;

    @Test
    void onlyTheModelsOfTheBestTrialsStayOnDisk() throws IOException {
        try (H2StudyStore store = H2StudyStore.inMemory()) {
            long study = store.openStudy(new StudyDefinition("s", Direction.MAXIMIZE, "acc"), "random", 1).id();
            Files.createDirectories(models);
            Files.writeString(ModelRetention.modelFile(models, 99), "left over from an earlier run");
            ModelRetention retention = new ModelRetention(store, study, models, 2);
            assertEquals(Set.of(), onDisk(), "a model of no stored best trial is stale");

            double[] values = {0.5, 0.9, 0.7, 0.95};
            for (double value : values) {
                TrialRecord trial = store.createTrial(study, "w");
                Files.writeString(ModelRetention.modelFile(models, trial.number()), "model");
                retention.trialFinished(store.finishTrial(trial.id(), TrialState.COMPLETE, value, null), null);
            }
            assertEquals(Set.of(1, 3), onDisk(), "the two best: 0.95 (trial 3) and 0.9 (trial 1)");

            TrialRecord failed = store.createTrial(study, "w");
            Files.writeString(ModelRetention.modelFile(models, failed.number()), "half a model");
            retention.trialFinished(store.finishTrial(failed.id(), TrialState.FAILED, null, "boom"), null);
            assertEquals(Set.of(1, 3), onDisk());
        }
    }

    private Set<Integer> onDisk() throws IOException {
        try (Stream<Path> files = Files.list(models)) {
            Set<Integer> numbers = new TreeSet<>();
            files.forEach(f -> numbers.add(Integer.parseInt(f.getFileName().toString().replaceAll("\\D", ""))));
            return numbers;
        }
    }
}
