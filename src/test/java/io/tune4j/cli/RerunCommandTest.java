package io.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.cli.Tune4jCli.Result;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.export.RerunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rerun} trains a trial's params with fresh seeds through the real command line: it prints each value and
 * the mean ± std, keeps them as the trial's attributes (shown by the leaderboard), and a second rerun of the
 * same trial trains with the same seeds to the same values.
 */
class RerunCommandTest {
    private static final String IRIS = """
            study: iris-small
            dataset: iris
            objective: {metric: val_accuracy, direction: maximize}
            search: {sampler: random, trials: 2, seed: 11}
            training: {epochs: 6}
            space:
              learning_rate: {log_uniform: [3.0e-3, 3.0e-2]}
              units: {int: [8, 24]}
            """;

    @TempDir
    Path dir;

    @Test
    void rerunRecordsEachSeedsValueAndTheirSpread() throws Exception {
        Path results = dir.resolve("results");
        Result run = Tune4jCli.run("run", Files.writeString(dir.resolve("iris.yaml"), IRIS).toString(),
                "--results", results.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        TrialRecord best = best(results);

        Result rerun = Tune4jCli.run("rerun", "iris-small", "--trial", String.valueOf(best.number()), "--seeds", "3",
                "--results", results.toString());

        assertEquals(0, rerun.exitCode(), rerun.err());
        Map<String, String> attributes = best(results).attributes();
        List<Double> values = Arrays.stream(attributes.get(RerunSummary.VALUES).split(",")).map(Double::valueOf).toList();
        List<Long> seeds = Arrays.stream(attributes.get(RerunSummary.SEEDS).split(",")).map(Long::valueOf).toList();
        assertEquals(3, values.size());
        assertEquals(3, seeds.stream().distinct().count(), "three different seeds");
        assertTrue(seeds.stream().noneMatch(seed -> seed == best.seed()), "fresh seeds, not the trial's own");
        for (int i = 0; i < 3; i++) {
            assertTrue(values.get(i) >= 0 && values.get(i) <= 1, "a validation accuracy: " + values.get(i));
            assertTrue(rerun.out().contains(String.format(java.util.Locale.ROOT, "seed %d: %.4f", seeds.get(i), values.get(i))),
                    rerun.out());
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / 2;
        assertEquals(mean, Double.parseDouble(attributes.get(RerunSummary.MEAN)), 1e-12);
        assertEquals(Math.sqrt(variance), Double.parseDouble(attributes.get(RerunSummary.STD)), 1e-12);
        String spread = RerunSummary.text(mean, Math.sqrt(variance));
        assertTrue(rerun.out().contains("val_accuracy over 3 fresh seeds: " + spread), rerun.out());

        Result leaderboard = Tune4jCli.run("leaderboard", "iris-small", "--results", results.toString());
        assertTrue(leaderboard.out().contains("rerun mean ± std") && leaderboard.out().contains(spread), leaderboard.out());

        Result again = Tune4jCli.run("rerun", "iris-small", "--trial", String.valueOf(best.number()), "--seeds", "3",
                "--results", results.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(attributes.get(RerunSummary.VALUES), best(results).attributes().get(RerunSummary.VALUES),
                "the same seeds train to the same values");
    }

    private static TrialRecord best(Path results) {
        try (StudyStore store = H2StudyStore.openFile(results)) {
            return store.topTrials(store.findStudy("iris-small").orElseThrow().id(), 1).get(0);
        }
    }
}
