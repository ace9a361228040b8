package io.tune4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.sampler.RandomSampler;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.Objective;
import io.tune4j.search.study.Study;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.data.DataConfig;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSpec;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.training.Dl4jObjective;
import io.tune4j.trainer.training.EarlyStopping;
import io.tune4j.trainer.training.TrainingSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "DL4J search from Java" example, run on iris to stay quick. */
class Dl4jFromJavaExampleTest {

    @Test
    void aDl4jStudyWithoutASpaceFile(@TempDir Path results) {
        DatasetSplits data = DatasetLoader.load(new DataConfig(new DatasetSpec.BuiltIn("iris"), 0.2, 0.2, 42));
        Objective training = new Dl4jObjective(data, new TrainingSpec(20, new EarlyStopping("val_loss", 4, 0.0)),
                "val_accuracy", results.resolve("models"));
        SearchSpace space = SearchSpace.builder()
                .logUniform("learning_rate", 3e-3, 1e-1)
                .integerLog("units", 8, 64)
                .choice("optimizer", "adam", "nesterov")
                .when("optimizer", "nesterov", b -> b.uniform("momentum", 0.8, 0.95))
                .build();
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            Study study = Study.open(new StudyDefinition("iris-java", Direction.MAXIMIZE, "val_accuracy"), space, new RandomSampler(42), store);
            List<TrialRecord> ran = study.optimize(training, 3);
            assertEquals(3, ran.size());
            assertTrue(study.bestTrial().orElseThrow().value() >= 0.8, ran.toString());
        }
    }
}
