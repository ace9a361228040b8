package io.tune4j.bench;

import io.tune4j.trainer.data.DataConfig;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSpec;
import io.tune4j.trainer.data.DatasetSplits;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How long a study waits for its data: loads the built-in digits, MNIST from {@code data/mnist} and
 * Fashion-MNIST from {@code data/fashion-mnist} (where the shipped space files look) several times each and
 * prints wall and CPU seconds per load (read, split, standardize, copy into ND4J). Every trial process of
 * {@code isolation: process} pays this once. Prints figures; asserts nothing.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/classpath.txt) \
 *     io.tune4j.bench.DatasetLoadBenchmark 3</pre>
 */
public final class DatasetLoadBenchmark {
    private DatasetLoadBenchmark() {}

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<DatasetSpec> sources = List.of(new DatasetSpec.BuiltIn("digits"),
                new DatasetSpec.Idx("mnist", Path.of("data", "mnist")),
                new DatasetSpec.Idx("fashion-mnist", Path.of("data", "fashion-mnist")));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("dataset,image,train_rows,load,wall_s,cpu_s");
        for (DatasetSpec source : sources) {
            for (int load = 1; load <= repeats; load++) {
                long wall = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                DatasetSplits data = DatasetLoader.load(new DataConfig(source, 0.1, 0.2, 42));
                System.out.printf(Locale.ROOT, "%s,%s,%d,%d,%.2f,%.2f%n", data.name(),
                        data.image().map(Object::toString).orElse("-"), data.train().numExamples(), load,
                        (System.nanoTime() - wall) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
            }
        }
    }
}
