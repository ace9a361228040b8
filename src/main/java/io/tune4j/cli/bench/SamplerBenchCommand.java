package io.tune4j.cli.bench;

import io.tune4j.search.benchmark.RegretSummary;
import io.tune4j.search.benchmark.SamplerBenchmark;
import io.tune4j.search.benchmark.SamplerRun;
import io.tune4j.search.benchmark.TestFunction;
import io.tune4j.search.benchmark.TestFunctions;
import io.tune4j.search.sampler.SamplerFactory;
import io.tune4j.search.spec.SearchSettings;
import io.tune4j.store.H2StudyStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tune4j bench samplers}: each sampler on each test function over several seeds, run as real studies
 * through the engine and an in-memory store, scored by simple regret.
 */
@Command(name = "samplers", mixinStandardHelpOptions = true,
        description = "Compare samplers on test functions by simple regret (best value found minus the optimum).")
final class SamplerBenchCommand implements Callable<Integer> {

    @Option(names = "--functions", split = ",", defaultValue = "branin,hartmann6,rosenbrock4",
            description = "Test functions: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
            completionCandidates = FunctionNames.class)
    List<String> functions;

    @Option(names = "--samplers", split = ",", defaultValue = "random,sobol",
            description = "Samplers to compare. Default: ${DEFAULT-VALUE}.")
    List<String> samplers;

    @Option(names = "--trials", defaultValue = "100", description = "Trials per study. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--seeds", defaultValue = "20", description = "Seeds (studies) per function and sampler. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--jobs", defaultValue = "1",
            description = "Studies run at once. More than 1 is faster but inflates the suggestion times. Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Option(names = "--out", defaultValue = "results/bench/samplers.csv",
            description = "CSV of every study; the plot goes beside it as .png. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<TestFunction> chosen = checkedFunctions();
        checkSamplers();
        if (trials < 1 || seeds < 1 || jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--trials, --seeds and --jobs must be at least 1");
        }
        PrintWriter console = spec.commandLine().getOut();
        List<SamplerRun> runs = runAll(chosen, console);
        List<RegretSummary> summaries = summarize(chosen, runs);
        SamplerBenchFiles.writeCsv(out, runs, chosen);
        Path chart = SamplerBenchFiles.writeChart(out, summaries);
        console.println(SamplerBenchTable.render(summaries, trials));
        console.println("wrote " + out + " and " + chart);
        return 0;
    }

    private List<SamplerRun> runAll(List<TestFunction> chosen, PrintWriter console) {
        SamplerBenchmark benchmark = new SamplerBenchmark(H2StudyStore::inMemory);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<SamplerRun>> pending = new ArrayList<>();
            for (TestFunction function : chosen) {
                for (String sampler : samplers) {
                    for (long seed = 0; seed < seeds; seed++) {
                        long studySeed = seed;
                        pending.add(pool.submit(() -> benchmark.run(function,
                                SamplerFactory.create(settings(sampler, studySeed)), trials)));
                    }
                }
            }
            List<SamplerRun> runs = new ArrayList<>();
            for (Future<SamplerRun> run : pending) {
                runs.add(run.get());
                if (runs.size() % seeds == 0) {
                    SamplerRun last = runs.get(runs.size() - 1);
                    console.printf("%s / %s: %d seeds done%n", last.function(), last.sampler(), seeds);
                    console.flush();
                }
            }
            return runs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a benchmark study failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private SearchSettings settings(String sampler, long seed) {
        return new SearchSettings(sampler, trials, seed, null, 5);
    }

    private List<RegretSummary> summarize(List<TestFunction> chosen, List<SamplerRun> runs) {
        List<RegretSummary> summaries = new ArrayList<>();
        for (TestFunction function : chosen) {
            for (String sampler : samplers) {
                summaries.add(RegretSummary.of(runs.stream()
                        .filter(r -> r.function().equals(function.name()) && r.sampler().equals(sampler)).toList()));
            }
        }
        return summaries;
    }

    private List<TestFunction> checkedFunctions() {
        List<TestFunction> chosen = new ArrayList<>();
        for (String name : functions) {
            if (!TestFunctions.NAMES.contains(name)) {
                throw new ParameterException(spec.commandLine(), "--functions: unknown function '" + name
                        + "'; known: " + String.join(", ", TestFunctions.NAMES));
            }
            chosen.add(TestFunctions.byName(name));
        }
        return chosen;
    }

    private void checkSamplers() {
        for (String name : samplers) {
            if (!SearchSettings.SAMPLERS.contains(name)) {
                throw new ParameterException(spec.commandLine(), "--samplers: unknown sampler '" + name
                        + "'; known: " + String.join(", ", SearchSettings.SAMPLERS));
            }
        }
    }

    static final class FunctionNames extends ArrayList<String> {
        FunctionNames() {
            super(TestFunctions.NAMES);
        }
    }
}
