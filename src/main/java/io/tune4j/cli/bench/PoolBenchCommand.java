package io.tune4j.cli.bench;

import io.tune4j.cli.StudyFile;
import io.tune4j.cli.StudyPlan;
import io.tune4j.search.spec.SearchSettings;
import io.tune4j.search.study.Objective;
import io.tune4j.search.study.StudyListener;
import io.tune4j.search.study.StudyStore;
import io.tune4j.search.study.TrialPrunedException;
import io.tune4j.search.study.TrialRecord;
import io.tune4j.store.H2StudyStore;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.pool.PoolSettings;
import io.tune4j.trainer.pool.PoolSettings.Isolation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tune4j bench pool}: trials per hour with 1, 2, ... workers on a space file; the framework's own cost
 * per trial (everything but training); and, on request, the process's resident memory trial after trial.
 */
@Command(name = "pool", mixinStandardHelpOptions = true,
        description = "Measure the trainer pool: trials/hour per worker count, overhead per trial, memory over trials.")
final class PoolBenchCommand implements Callable<Integer> {
    @Option(names = "--space", required = true, paramLabel = "FILE", description = "A space file, e.g. spaces/digits-mlp.yaml.")
    Path space;

    @Option(names = "--workers", split = ",", defaultValue = "1,2", description = "Worker counts to compare. Default: ${DEFAULT-VALUE}.")
    List<Integer> workers;

    @Option(names = "--trials", defaultValue = "20", description = "Trials per worker count. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--repeats", defaultValue = "2",
            description = "Runs per worker count, interleaved (1, 2, 1, 2 ...); the fastest counts, as other load"
                    + " on the machine only ever slows a run down. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--warmup-trials", defaultValue = "10",
            description = "Trials run first and not measured, so the JIT's warm-up (seconds of compilation in a"
                    + " fresh JVM) is charged to no worker count. Default: ${DEFAULT-VALUE}.")
    int warmupTrials;

    @Option(names = "--isolation", paramLabel = "thread|process", description = "Override the file's isolation.")
    Isolation isolation;

    @Option(names = "--overhead-trials", defaultValue = "200",
            description = "Trials of a no-training objective timed for the overhead (0: skip). Default: ${DEFAULT-VALUE}.")
    int overheadTrials;

    @Option(names = "--rss-trials", defaultValue = "0",
            description = "Also run this many trials reading the process's RSS after each (e.g. 50; 0: skip).")
    int rssTrials;

    @Option(names = "--out", defaultValue = "results/bench/pool.csv", description = "CSV written. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (trials < 1 || repeats < 1 || workers.stream().anyMatch(w -> w < 1)) {
            throw new ParameterException(spec.commandLine(), "--trials, --repeats and --workers must be at least 1");
        }
        if (overheadTrials < 0 || rssTrials < 0 || warmupTrials < 0) {
            throw new ParameterException(spec.commandLine(), "trial counts must not be negative");
        }
        StudyPlan plan = StudyFile.load(space);
        // Random search proposes the same trials whatever the number of workers; a model-based sampler would
        // propose different ones (it sees which trials have finished), and the worker counts would then be
        // timed on different work.
        SearchSettings search = plan.search();
        plan = plan.withSearch(new SearchSettings("random", trials, search.seed(), null, search.gridResolution()));
        PoolSettings pool = isolation == null ? plan.pool() : plan.pool().withIsolation(isolation);
        DatasetSplits data = DatasetLoader.load(plan.data());
        PrintWriter console = spec.commandLine().getOut();
        console.printf("%s: %d trials per run, %s isolation, %d BLAS thread(s) per worker, load average %s%n",
                plan.study(), trials, pool.isolation().name().toLowerCase(Locale.ROOT), pool.threadsPerWorker(),
                LoadAverage.text());

        if (warmupTrials > 0) {
            int most = workers.stream().mapToInt(Integer::intValue).max().orElse(1);
            BenchStudy.run(plan.withSearch(plan.search().withTrials(warmupTrials)), data, pool.withParallel(most),
                    plan.pruner(), StudyListener.NONE);
        }
        List<double[]> rows = new ArrayList<>();
        Map<Integer, Double> fastest = new LinkedHashMap<>();
        for (int repeat = 0; repeat < repeats; repeat++) {
            for (int count : workers) {
                BenchStudy.Figures f = BenchStudy.run(plan, data, pool.withParallel(count), plan.pruner(),
                        StudyListener.NONE);
                rows.add(new double[] {count, f.trials(), f.wallSeconds(), f.trials() * 3600 / f.wallSeconds()});
                fastest.merge(count, f.wallSeconds(), Math::min);
                console.printf(Locale.ROOT, "%d worker(s): %d trials in %.1f s = %.0f trials/hour (load average %s)%n",
                        count, f.trials(), f.wallSeconds(), f.trials() * 3600 / f.wallSeconds(), LoadAverage.text());
                console.flush();
            }
        }
        writeCsv(rows);
        int first = workers.get(0);
        for (int count : fastest.keySet()) {
            if (count == first) continue;
            console.printf(Locale.ROOT, "fastest runs: %d workers give %.2fx the trials/hour of %d%n", count,
                    fastest.get(first) / fastest.get(count), first);
        }
        if (overheadTrials > 0) overhead(plan, pool, console);
        if (rssTrials > 0) rss(plan, data, pool, console);
        console.println("wrote " + out);
        return 0;
    }

    private void writeCsv(List<double[]> rows) throws IOException {
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(out), CSVFormat.DEFAULT.builder()
                .setHeader("workers", "trials", "wall_s", "trials_per_hour").build())) {
            for (double[] row : rows) {
                csv.printRecord((int) row[0], (int) row[1], String.format(Locale.ROOT, "%.2f", row[2]),
                        String.format(Locale.ROOT, "%.0f", row[3]));
            }
        }
    }

    /**
     * Everything a trial costs but training: the sampler's suggestion, the store's writes (trial, params,
     * device, the file's epochs x 3 metrics, attributes, the outcome), the pruner's question after each epoch
     * and the hand-offs between engine and worker; one in-process worker, a real H2 file.
     */
    private void overhead(StudyPlan plan, PoolSettings pool, PrintWriter console) {
        int epochs = plan.training().epochs();
        Objective reportsOnly = trial -> {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                double v = 1.0 - 1.0 / (epoch + 1 + trial.number() % 7);
                trial.report(epoch, Map.of("train_loss", 1 - v, "val_loss", 1 - v, "val_accuracy", v));
                if (trial.shouldPrune()) throw new TrialPrunedException(epoch);
            }
            trial.setAttribute("best_epoch", String.valueOf(epochs));
            return 1.0 - 1.0 / (epochs + 1 + trial.number() % 7);
        };
        StudyPlan many = plan.withSearch(plan.search().withTrials(overheadTrials));
        Path dir = BenchStudy.temporaryFolder();
        try (StudyStore store = H2StudyStore.openFile(dir)) {
            BenchStudy.Figures f = BenchStudy.run(many, pool.withParallel(1).withIsolation(Isolation.THREAD),
                    plan.pruner(), store, reportsOnly, null, "", StudyListener.NONE);
            console.printf(Locale.ROOT, "framework overhead: %.1f ms per trial (%d trials of %d epochs x 3 metrics,"
                    + " pruner %s, no training)%n", 1000 * f.wallSeconds() / f.trials(), f.trials(), epochs,
                    plan.pruner().type());
        } finally {
            BenchStudy.deleteRecursively(dir);
        }
    }

    /** The resident memory after each trial: flat means nothing leaks from trial to trial. */
    private void rss(StudyPlan plan, DatasetSplits data, PoolSettings pool, PrintWriter console) throws IOException {
        List<Double> samples = new ArrayList<>();
        List<double[]> parts = new ArrayList<>();
        StudyListener sampler = new StudyListener() {
            @Override
            public void trialFinished(TrialRecord trial, TrialRecord best) {
                samples.add(ResidentMemory.mebibytes());
                parts.add(new double[] {ResidentMemory.heapCommittedMebibytes(), ResidentMemory.nativeArraysMebibytes()});
            }
        };
        StudyPlan many = plan.withSearch(plan.search().withTrials(rssTrials));
        BenchStudy.run(many, data, pool, plan.pruner(), sampler);
        Path rssFile = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.csv$", "") + "-rss.csv");
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(rssFile),
                CSVFormat.DEFAULT.builder().setHeader("trial", "rss_mib", "heap_committed_mib", "nd4j_native_mib").build())) {
            for (int i = 0; i < samples.size(); i++) {
                csv.printRecord(i + 1, String.format(Locale.ROOT, "%.1f", samples.get(i)),
                        String.format(Locale.ROOT, "%.1f", parts.get(i)[0]), String.format(Locale.ROOT, "%.1f", parts.get(i)[1]));
            }
        }
        double max = samples.stream().mapToDouble(Double::doubleValue).max().orElse(-1);
        int tenth = Math.max(0, samples.size() / 10 - 1);
        console.printf(Locale.ROOT, "RSS over %d trials (%d worker(s), %s): after trial 1 %.0f MiB, after trial %d"
                        + " %.0f MiB, last %.0f MiB, max %.0f MiB (%s)%n", samples.size(), pool.parallel(),
                pool.isolation().name().toLowerCase(Locale.ROOT), samples.get(0), tenth + 1, samples.get(tenth),
                samples.get(samples.size() - 1), max, rssFile);
    }
}
