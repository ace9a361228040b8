package io.tune4j.bench;

import io.tune4j.trainer.data.DataConfig;
import io.tune4j.trainer.data.DatasetLoader;
import io.tune4j.trainer.data.DatasetSpec;
import io.tune4j.trainer.data.DatasetSplits;
import io.tune4j.trainer.data.ImageFolders;
import io.tune4j.trainer.training.Augmentation;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.nd4j.linalg.dataset.DataSet;

/**
 * What image data costs a study before and besides training. Loads (read, split, standardize, copy into ND4J)
 * the built-in digits, MNIST from {@code data/mnist}, Fashion-MNIST from {@code data/fashion-mnist} (where
 * the shipped space files look) and an {@code images:} folder of 10,000 generated 28x28 grey PNGs, several
 * times each; then augments one epoch of MNIST's training part (flip, shift and rotation all on, batches of
 * 64). Prints wall seconds and the CPU seconds of this thread; asserts nothing.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/classpath.txt) \
 *     io.tune4j.bench.ImageDataBenchmark 3</pre>
 */
public final class ImageDataBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ImageDataBenchmark() {}

    public static void main(String[] args) throws IOException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path pngs = ImageFolders.greyClasses(Files.createTempDirectory("tune4j-bench").resolve("pngs"), 28, 28, 1000,
                IntStream.range(0, 10).mapToObj(String::valueOf).toArray(String[]::new));
        List<DatasetSpec> sources = List.of(new DatasetSpec.BuiltIn("digits"),
                new DatasetSpec.Idx("mnist", Path.of("data", "mnist")),
                new DatasetSpec.Idx("fashion-mnist", Path.of("data", "fashion-mnist")),
                new DatasetSpec.Images(pngs, Optional.empty(), 1));
        System.out.println("what,image,train_rows,repeat,wall_s,cpu_s");
        DatasetSplits mnist = null;
        for (DatasetSpec source : sources) {
            for (int repeat = 1; repeat <= repeats; repeat++) {
                long[] start = now();
                DatasetSplits data = DatasetLoader.load(new DataConfig(source, 0.1, 0.2, 42));
                print("load " + data.name(), data, repeat, start);
                if (data.name().equals("mnist")) mnist = data;
            }
        }
        Augmentation all = new Augmentation(0.5, 0.1, 15);
        List<DataSet> batches = mnist.train().batchBy(64);
        for (int repeat = 1; repeat <= repeats; repeat++) {
            Random random = new Random(repeat);
            long[] start = now();
            for (DataSet batch : batches) all.apply(batch, mnist.image().orElseThrow(), random);
            print("augment an epoch of mnist", mnist, repeat, start);
        }
    }

    private static long[] now() {
        return new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()};
    }

    private static void print(String what, DatasetSplits data, int repeat, long[] start) {
        System.out.printf(Locale.ROOT, "%s,%s,%d,%d,%.2f,%.2f%n", what, data.image().map(Object::toString).orElse("-"),
                data.train().numExamples(), repeat, (System.nanoTime() - start[0]) / 1e9,
                (THREADS.getCurrentThreadCpuTime() - start[1]) / 1e9);
    }
}
