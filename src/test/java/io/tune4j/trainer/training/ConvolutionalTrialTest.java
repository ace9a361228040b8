package io.tune4j.trainer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.sampler.GridSampler;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.spec.SpaceParser;
import io.tune4j.search.spec.SpecDocument;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.Study;
import io.tune4j.search.study.StudyDefinition;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.OfflineDl4j;
import io.tune4j.trainer.data.DataConfig;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSpec;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.spec.NetworkSection;
import io.tune4j.trainer.spec.NetworkSectionParser;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Convolutional trials on the built-in digits as 8x8 images, through a real study and H2 store: a feasible network
 * trains and records its size; a kernel that does not fit its input fails the trial before any training, marked
 * infeasible with the reason; and so does a network above the memory a trial may use.
 */
class ConvolutionalTrialTest {
    private static DatasetSplits digits;

    @TempDir Path results;

    @BeforeAll
    static void loadDigits() {
        OfflineDl4j.refuseDownloads();
        digits = DatasetLoader.load(new DataConfig(new DatasetSpec.BuiltIn("digits"), 0.2, 0.2, 42));
    }

    @Test
    void digitsArriveAsImagesAndAConvolutionalTrialTrainsOnThem() {
        assertEquals("8x8x1", digits.image().orElseThrow().toString());
        List<TrialRecord> trials = run("""
                network:
                  - conv2d: {filters: 8, kernel: 3}
                  - pool: {kernel: 2}
                  - dense: {units: 32}
                space: {learning_rate: 0.01}
                """, 3, 1);
        TrialRecord trial = trials.get(0);
        assertEquals(TrialState.COMPLETE, trial.state(), trial.error());
        assertTrue(trial.value() > 0.5, "three epochs learn digits: " + trial.value());
        // conv 3x3x1x8 + 8 biases, dense (4*4*8)x32 + 32, output 32x10 + 10
        assertEquals(80 + 4128 + 330, Long.parseLong(trial.attributes().get("n_params")));
        assertTrue(Long.parseLong(trial.attributes().get("memory_bytes")) > 4 * (80 + 4128 + 330));
    }

    @Test
    void aKernelLargerThanItsInputFailsTheTrialBeforeTraining() {
        List<TrialRecord> trials = run("""
                network:
                  - conv2d: {filters: 4, kernel: 3, padding: valid}
                  - pool: {kernel: 2}
                  - conv2d: {filters: 4, kernel: {choice: [3, 5]}, padding: valid}
                space: {learning_rate: 0.01}
                """, 2, 2);
        TrialRecord fits = trials.stream().filter(t -> t.params().get("conv2d_2.kernel").equals(3)).findFirst().orElseThrow();
        TrialRecord tooLarge = trials.stream().filter(t -> t.params().get("conv2d_2.kernel").equals(5)).findFirst().orElseThrow();
        assertEquals(TrialState.COMPLETE, fits.state(), fits.error());
        assertFalse(fits.isInfeasible());
        assertEquals(TrialState.FAILED, tooLarge.state());
        assertTrue(tooLarge.isInfeasible(), tooLarge.attributes().toString());
        assertTrue(tooLarge.error().contains("InfeasibleNetworkException: the network cannot be built"), tooLarge.error());
        assertTrue(tooLarge.error().contains("layer conv2d_2 (layer 2) gets InputTypeConvolutional(h=3,w=3,c=4"), "names the layer: " + tooLarge.error());
        assertNull(tooLarge.attributes().get("epochs_trained"), "never trained");
    }

    @Test
    void aNetworkAboveTheMemoryATrialMayUseIsInfeasible() {
        System.setProperty("tune4j.trialMemory", String.valueOf(1 << 20));
        try {
            TrialRecord trial = run("""
                    network:
                      - conv2d: {filters: 256, kernel: 3}
                      - dense: {units: 512}
                    space: {learning_rate: 0.01}
                    """, 1, 1).get(0);
            assertEquals(TrialState.FAILED, trial.state());
            assertTrue(trial.isInfeasible());
            assertTrue(trial.error().contains("more than the 1.0 MiB a trial may use"), trial.error());
        } finally {
            System.clearProperty("tune4j.trialMemory");
        }
    }

    private List<TrialRecord> run(String yaml, int epochs, int trials) {
        var root = SpecDocument.parse("test.yaml", yaml).mapping();
        NetworkSection network = NetworkSectionParser.parse(root.get("network"), true);
        SearchSpace space = SpaceParser.parse(root.get("space"), network.extension()).space();
        Dl4jObjective objective = new Dl4jObjective(digits, network.definition(), new TrainingSpec(epochs, null),
                "val_accuracy", results.resolve("models"));
        try (H2StudyStore store = H2StudyStore.openFile(results)) {
            Study study = Study.open(new StudyDefinition("cnn", Direction.MAXIMIZE, "val_accuracy"),
                    space, new GridSampler(2, 1), store);
            return study.optimize(objective, trials).stream().sorted(Comparator.comparingInt(TrialRecord::number)).toList();
        }
    }
}
