package io.tune4j.cli.bench;

import io.tune4j.cli.StudyFile;
import io.tune4j.cli.StudyPlan;
import io.tune4j.search.spec.PrunerSettings;
import io.tune4j.search.study.StudyListener;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.pool.PoolSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tune4j bench pruners}: the same studies (same sampler, same seeds, so the same trials are proposed)
 * with each pruner, counting the epochs trained and the best value found.
 */
@Command(name = "pruners", mixinStandardHelpOptions = true,
        description = "Compare pruners on a space file: epochs trained, wall time and best value, seed by seed.")
final class PrunerBenchCommand implements Callable<Integer> {
    @Option(names = "--space", required = true, paramLabel = "FILE", description = "A space file, e.g. spaces/digits-mlp.yaml.")
    Path space;

    @Option(names = "--pruners", split = ",", defaultValue = "none,median,asha,hyperband",
            description = "Pruners to compare (the file's pruner: settings apply to each). Default: ${DEFAULT-VALUE}.")
    List<String> pruners;

    @Option(names = "--seeds", defaultValue = "5", description = "Studies per pruner, seeds 0..N-1. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--trials", paramLabel = "N", description = "Trials per study (default: the file's).")
    Integer trials;

    @Option(names = "--workers", paramLabel = "N", description = "Trials at once (default: the file's parallel).")
    Integer workers;

    @Option(names = "--out", defaultValue = "results/bench/pruners.csv", description = "CSV written. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Spec
    CommandSpec spec;

    private record Row(String pruner, long seed, BenchStudy.Figures figures) {}

    @Override
    public Integer call() throws IOException {
        for (String pruner : pruners) {
            if (!PrunerSettings.TYPES.contains(pruner)) {
                throw new ParameterException(spec.commandLine(), "unknown pruner '" + pruner + "'; known: "
                        + String.join(", ", PrunerSettings.TYPES));
            }
        }
        if (seeds < 1) throw new ParameterException(spec.commandLine(), "--seeds must be at least 1");
        StudyPlan file = StudyFile.load(space);
        StudyPlan plan = trials == null ? file : file.withSearch(file.search().withTrials(trials));
        PoolSettings pool = workers == null ? plan.pool() : plan.pool().withParallel(workers);
        DatasetSplits data = DatasetLoader.load(plan.data());
        PrintWriter console = spec.commandLine().getOut();
        console.printf("%s: %d trials per study, %d seeds, %d trial(s) at once, load average %s%n", plan.study(),
                plan.search().trials(), seeds, pool.parallel(), LoadAverage.text());
        List<Row> rows = new ArrayList<>();
        for (long seed = 0; seed < seeds; seed++) {
            for (String pruner : pruners) {
                BenchStudy.Figures figures = BenchStudy.run(BenchStudy.withSeed(plan, seed), data, pool,
                        plan.pruner().withType(pruner), StudyListener.NONE);
                rows.add(new Row(pruner, seed, figures));
                console.printf(Locale.ROOT, "seed %d %-9s %3d epochs %6.1f s best %s%n", seed, pruner,
                        figures.epochsTrained(), figures.wallSeconds(), figures.best());
                console.flush();
            }
        }
        write(rows);
        summarize(rows, console);
        console.println("wrote " + out);
        return 0;
    }

    private void write(List<Row> rows) throws IOException {
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(out), CSVFormat.DEFAULT.builder()
                .setHeader("pruner", "seed", "trials", "epochs_trained", "wall_s", "best_val_accuracy").build())) {
            for (Row row : rows) {
                BenchStudy.Figures f = row.figures();
                csv.printRecord(row.pruner(), row.seed(), f.trials(), f.epochsTrained(),
                        String.format(Locale.ROOT, "%.2f", f.wallSeconds()), f.best() == null ? "" : f.best());
            }
        }
    }

    /** Means per pruner, and each one's epochs and best value against no pruning. */
    private void summarize(List<Row> rows, PrintWriter console) {
        double noneEpochs = mean(rows, "none", Measure.EPOCHS);
        double noneBest = mean(rows, "none", Measure.BEST);
        console.printf("%n%-10s %12s %10s %10s %14s %16s%n", "pruner", "mean epochs", "of none", "mean wall",
                "mean best", "best - none");
        for (String pruner : pruners) {
            double epochs = mean(rows, pruner, Measure.EPOCHS);
            double best = mean(rows, pruner, Measure.BEST);
            // Without a 'none' run there is nothing to compare with: those columns say so instead of NaN.
            String share = Double.isNaN(noneEpochs) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * epochs / noneEpochs);
            String gap = Double.isNaN(noneBest) ? "-" : String.format(Locale.ROOT, "%+.2f pt", 100 * (best - noneBest));
            console.printf(Locale.ROOT, "%-10s %12.1f %10s %9.1fs %14.4f %16s%n", pruner, epochs, share,
                    mean(rows, pruner, Measure.WALL), best, gap);
        }
    }

    private enum Measure { EPOCHS, BEST, WALL }

    private static double mean(List<Row> rows, String pruner, Measure measure) {
        return rows.stream().filter(r -> r.pruner().equals(pruner)).mapToDouble(r -> switch (measure) {
            case EPOCHS -> r.figures().epochsTrained();
            case BEST -> r.figures().best() == null ? Double.NaN : r.figures().best();
            case WALL -> r.figures().wallSeconds();
        }).average().orElse(Double.NaN);
    }
}
