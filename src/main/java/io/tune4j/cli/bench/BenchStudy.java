package io.tune4j.cli.bench;

import io.tune4j.cli.SpaceFileObjectives;
import io.tune4j.cli.StudyPlan;
import io.tune4j.search.pruner.PrunerFactory;
import io.tune4j.search.spec.PrunerSettings;
import io.tune4j.search.spec.SearchSettings;
import io.tune4j.search.study.Objective;
import io.tune4j.search.study.IntermediateValue;
import io.tune4j.search.study.Study;
import io.tune4j.search.study.StudyListener;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.pool.ObjectiveFactory;
import io.tune4j.trainer.pool.PoolSettings;
import io.tune4j.trainer.pool.TrialPool;
import io.tune4j.trainer.training.Dl4jObjective;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One benchmark study: a space file's DL4J study run from scratch in a fresh H2 file under a temporary folder
 * (deleted afterwards), through the same engine, pool and pruner as {@code tune4j run}.
 */
final class BenchStudy {
    /** What a benchmark reads off a finished study. */
    record Figures(int trials, int epochsTrained, double wallSeconds, Double best) {}

    private BenchStudy() {}

    /** The plan with another study seed (sampler and trial seeds; the data split stays the file's). */
    static StudyPlan withSeed(StudyPlan plan, long seed) {
        SearchSettings search = plan.search();
        return plan.withSearch(new SearchSettings(search.sampler(), search.trials(), seed, null,
                search.gridResolution()));
    }

    static Figures run(StudyPlan plan, DatasetSplits data, PoolSettings pool, PrunerSettings pruner,
                       StudyListener listener) {
        Path dir = temporaryFolder();
        try (StudyStore store = H2StudyStore.openFile(dir)) {
            Objective objective = new Dl4jObjective(data, plan.network(), plan.training(), plan.metric(), dir.resolve("models"));
            return run(plan, pool, pruner, store, objective, SpaceFileObjectives.class,
                    SpaceFileObjectives.payload(plan, dir.resolve("models")), listener);
        } finally {
            deleteRecursively(dir);
        }
    }

    /** Runs {@code objective} (or, with process isolation, {@code factory}'s) and measures the study. */
    static Figures run(StudyPlan plan, PoolSettings pool, PrunerSettings pruner, StudyStore store, Objective objective,
                       Class<? extends ObjectiveFactory> factory, String payload, StudyListener listener) {
        Study study = Study.open(plan.definition(), plan.space(), plan.createSampler(),
                PrunerFactory.create(pruner, plan.training().epochs(), plan.search().seed()), store);
        long start = System.nanoTime();
        List<TrialRecord> ran;
        try (TrialPool runner = TrialPool.of(pool, factory, payload)) {
            ran = study.optimize(objective, plan.search().budget(), runner, listener);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        int epochs = 0;
        for (TrialRecord trial : ran) {
            epochs += store.intermediateValues(trial.id()).stream().mapToInt(IntermediateValue::step).max().orElse(0);
        }
        return new Figures(ran.size(), epochs, wall, study.bestTrial().map(TrialRecord::value).orElse(null));
    }

    static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("tune4j-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
