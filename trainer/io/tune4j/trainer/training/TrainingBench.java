package io.tune4j.trainer.training;

import io.tune4j.search.study.Trial;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.network.NetworkDefinition;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains one trial exactly as a study does (through {@link Dl4jObjective}, evaluation and best-epoch snapshot
 * included) and times each epoch: wall time, and the CPU time of the whole process — every thread, BLAS's,
 * the JIT's and the garbage collector's — which is what a side-by-side with another framework compares and
 * what a shared machine disturbs least.
 */
public final class TrainingBench {

    /** One epoch's figures; {@code samples} is the training rows it went through. */
    public record Epoch(int epoch, int samples, double wallSeconds, double cpuSeconds, double gcSeconds,
                        Map<String, Double> metrics) {
        public double samplesPerSecond() {
            return samples / wallSeconds;
        }
    }

    private TrainingBench() {}

    /**
     * Trains {@code params} for {@code epochs} epochs (no early stopping, so every epoch runs) and hands each
     * epoch's figures to {@code onEpoch} as it ends. The first epoch also pays for building the network.
     */
    public static List<Epoch> run(DatasetSplits data, NetworkDefinition network, Map<String, Object> params, long seed,
                                  int epochs, Path modelDir, Consumer<Epoch> onEpoch) throws IOException {
        TimedTrial trial = new TimedTrial(params, seed, data.train().numExamples(), onEpoch);
        new Dl4jObjective(data, network, new TrainingSpec(epochs, null), "val_accuracy", modelDir).evaluate(trial);
        return trial.epochs;
    }

    /** A trial that takes the time at each report: an epoch is what lies between two reports. */
    private static final class TimedTrial implements Trial {
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final List<Epoch> epochs = new ArrayList<>();
        private final Map<String, Object> params;
        private final long seed;
        private final int samples;
        private final Consumer<Epoch> onEpoch;
        private long wall = System.nanoTime();
        private long cpu = os.getProcessCpuTime();
        private long gc = gcMillis();

        TimedTrial(Map<String, Object> params, long seed, int samples, Consumer<Epoch> onEpoch) {
            this.params = params;
            this.seed = seed;
            this.samples = samples;
            this.onEpoch = onEpoch;
        }

        @Override public int number() { return 0; }

        @Override public long seed() { return seed; }

        @Override public Map<String, Object> params() { return params; }

        @Override
        public void report(int step, Map<String, Double> metrics) {
            long wallNow = System.nanoTime();
            long cpuNow = os.getProcessCpuTime();
            long gcNow = gcMillis();
            Epoch epoch = new Epoch(step, samples, (wallNow - wall) / 1e9, (cpuNow - cpu) / 1e9, (gcNow - gc) / 1e3,
                    Map.copyOf(metrics));
            epochs.add(epoch);
            onEpoch.accept(epoch);
            // Printing the line is not the next epoch's work.
            wall = System.nanoTime();
            cpu = os.getProcessCpuTime();
            gc = gcMillis();
        }

        @Override
        public void setAttribute(String key, String value) {}

        private static long gcMillis() {
            long total = 0;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                total += Math.max(0, collector.getCollectionTime());
            }
            return total;
        }
    }
}
