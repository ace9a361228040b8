package io.tune4j.trainer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.Trial;
import io.tune4j.trainer.OfflineDl4j;
import io.tune4j.trainer.data.DataConfig;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSpec;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.network.DenseShorthand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training bench times the very training a study runs: same epochs, same metrics, for the same seed. */
class TrainingBenchTest {
    private static final DatasetSplits DIGITS =
            DatasetLoader.load(new DataConfig(new DatasetSpec.BuiltIn("digits"), 0.2, 0.2, 1));
    private static final Map<String, Object> PARAMS = Map.of("units", 32, "batch_size", 64, "learning_rate", 0.01);

    @TempDir
    Path models;

    @BeforeAll
    static void noDownloads() {
        OfflineDl4j.refuseDownloads();
    }

    @Test
    void everyEpochIsTimedAndCarriesTheMetricsAStudyWouldRecord() throws Exception {
        List<TrainingBench.Epoch> printed = new ArrayList<>();
        List<TrainingBench.Epoch> epochs = TrainingBench.run(DIGITS, new DenseShorthand(), PARAMS, 7, 3, models, printed::add);

        assertEquals(printed, epochs, "each epoch is handed over as it ends");
        assertEquals(List.of(1, 2, 3), epochs.stream().map(TrainingBench.Epoch::epoch).toList());
        List<Map<String, Double>> studied = studyReports();
        for (TrainingBench.Epoch epoch : epochs) {
            assertEquals(DIGITS.train().numExamples(), epoch.samples());
            assertTrue(epoch.wallSeconds() > 0 && epoch.cpuSeconds() > 0 && epoch.gcSeconds() >= 0, epoch.toString());
            assertEquals(epoch.samples() / epoch.wallSeconds(), epoch.samplesPerSecond(), 1e-9);
            assertEquals(studied.get(epoch.epoch() - 1), epoch.metrics(), "the same training as a study's trial");
        }
    }

    /** The epochs a study's trial with the same params and seed reports. */
    private List<Map<String, Double>> studyReports() throws Exception {
        List<Map<String, Double>> reports = new ArrayList<>();
        Trial trial = new Trial() {
            @Override public int number() { return 0; }

            @Override public long seed() { return 7; }

            @Override public Map<String, Object> params() { return PARAMS; }

            @Override public void report(int step, Map<String, Double> metrics) { reports.add(metrics); }

            @Override public void setAttribute(String key, String value) {}
        };
        new Dl4jObjective(DIGITS, new TrainingSpec(3, null), "val_accuracy", models).evaluate(trial);
        return reports;
    }
}
