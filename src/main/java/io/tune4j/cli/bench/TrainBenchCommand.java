package io.tune4j.cli.bench;

import io.tune4j.cli.StudyFile;
import io.tune4j.cli.StudyPlan;
import io.tune4j.search.sampler.SamplerFactory;
import io.tune4j.search.sampler.SamplingContext;
import io.tune4j.search.space.Parameter;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.network.Hyperparameter;
import io.tune4j.trainer.training.TrainingBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tune4j bench train}: one fixed trial of a space file trained epoch by epoch, with its samples per
 * second and the CPU seconds the process spent on each epoch, against a reference figure.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train one trial of a space file (its fixed values, or the sampler's first point) and print "
                + "samples/s and process CPU seconds per epoch.")
final class TrainBenchCommand implements Callable<Integer> {
    @Option(names = "--space", required = true, paramLabel = "FILE",
            description = "A space file, e.g. spaces/mnist-mlp-bench.yaml.")
    Path space;

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs to train. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--params", split = ",", paramLabel = "KEY=VALUE",
            description = "Params that replace the trial's, e.g. batch_size=128,units=512.")
    Map<String, String> overrides = Map.of();

    @Option(names = "--reference", defaultValue = "3.6", paramLabel = "CPU_S",
            description = "CPU seconds per epoch to compare with. Default: ${DEFAULT-VALUE}, Keras 3 on TensorFlow-CPU, "
                    + "one thread, for the 784-256-10 MLP of spaces/mnist-mlp-bench.yaml on the 2-core build machine.")
    double reference;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (epochs < 1) throw new ParameterException(spec.commandLine(), "--epochs must be at least 1");
        StudyPlan plan = StudyFile.load(space);
        Map<String, Object> params = params(plan);
        DatasetSplits data = DatasetLoader.load(plan.data());
        long seed = plan.search().seed();
        PrintWriter console = spec.commandLine().getOut();
        console.printf("%s: %d training rows, %d validation rows, params %s, seed %d, OMP_NUM_THREADS=%s, "
                        + "JVM options %s, load average %s%n", plan.study(), data.train().numExamples(),
                data.validation().numExamples(), params, seed, System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), LoadAverage.text());
        console.printf("%5s %11s %8s %8s %7s %9s %12s%n", "epoch", "samples/s", "wall s", "CPU s", "GC s",
                "val_loss", "val_accuracy");
        Path models = BenchStudy.temporaryFolder();
        List<TrainingBench.Epoch> ran;
        try {
            ran = TrainingBench.run(data, plan.network(), params, seed, epochs, models, epoch -> {
                console.printf(Locale.ROOT, "%5d %11.0f %8.2f %8.2f %7.2f %9.4f %12.4f%n", epoch.epoch(),
                        epoch.samplesPerSecond(), epoch.wallSeconds(), epoch.cpuSeconds(), epoch.gcSeconds(),
                        epoch.metrics().get("val_loss"), epoch.metrics().get("val_accuracy"));
                console.flush();
            });
        } finally {
            BenchStudy.deleteRecursively(models);
        }
        double[] cpu = ran.stream().mapToDouble(TrainingBench.Epoch::cpuSeconds).sorted().toArray();
        double[] rate = ran.stream().mapToDouble(TrainingBench.Epoch::samplesPerSecond).sorted().toArray();
        double median = median(cpu);
        console.printf(Locale.ROOT, "summary: median %.2f CPU s per epoch (%.2f-%.2f over %d), median %.0f samples/s; "
                        + "%.2fx the reference %.2f CPU s%n", median, cpu[0], cpu[cpu.length - 1], cpu.length,
                median(rate), median / reference, reference);
        return 0;
    }

    /** The sampler's first point (the file's values, when all are fixed) with the --params replacements. */
    private Map<String, Object> params(StudyPlan plan) {
        Map<String, Object> params = new LinkedHashMap<>(SamplerFactory.create(plan.search())
                .suggest(new SamplingContext(plan.space(), plan.direction(), 0, List.of(), List.of())));
        List<String> declared = plan.space().parameters().stream().map(Parameter::name).toList();
        Yaml yaml = new Yaml();
        overrides.forEach((key, text) -> {
            if (!declared.contains(key) && Hyperparameter.byKey(key).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--params: unknown param '" + key + "'; known: "
                        + String.join(", ", Arrays.stream(Hyperparameter.values()).map(Hyperparameter::key).toList()));
            }
            Object value = yaml.load(text);
            Hyperparameter.byKey(key).flatMap(h -> h.problemWith(value)).ifPresent(problem -> {
                throw new ParameterException(spec.commandLine(), "--params: " + key + "=" + text + ": " + problem);
            });
            params.put(key, value);
        });
        return params;
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
