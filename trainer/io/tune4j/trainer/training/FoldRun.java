package io.tune4j.trainer.training;

import io.tune4j.trainer.data.DatasetSplits;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One network of a trial in training on its own data split (the trial's only one, or one fold of k-fold
 * evaluation): an epoch at a time, and measured after each.
 */
final class FoldRun {
    /**
     * The most training rows the train_ metrics are measured on. Over MNIST's whole training part (54,000 rows,
     * the 784-256-10 MLP of mnist-mlp-bench.yaml) they cost 0.77-0.91 CPU s per epoch once warm (1.66 s cold),
     * 12-18% of an epoch's 4.5-7 CPU s; over 6,000 rows 0.09 s (measured with ThreadMXBean on the shared
     * 2-core machine, load 16). A fixed sample of 10,000 rows keeps them near 2% and their standard error
     * near 0.005.
     */
    static final int TRAIN_METRIC_ROWS = 10_000;

    private final DatasetSplits data;
    private final TrainableNetwork network;
    private final ShuffledBatches batches;
    private final UnaryOperator<DataSet> augmentation;
    private final DataSet trainSample;

    FoldRun(DatasetSplits data, TrainableNetwork network, int batchSize, long seed,
            UnaryOperator<DataSet> augmentation) {
        this.data = data;
        this.network = network;
        this.batches = new ShuffledBatches(data.train(), batchSize, seed);
        this.augmentation = augmentation;
        this.trainSample = sample(data.train(), TRAIN_METRIC_ROWS, seed);
    }

    /** At most {@code rows} rows of {@code part}, the same ones every epoch (drawn with {@code seed}), in order. */
    static DataSet sample(DataSet part, int rows, long seed) {
        int size = part.numExamples();
        if (size <= rows) return part;
        List<Integer> order = IntStream.range(0, size).boxed().collect(Collectors.toList());
        Collections.shuffle(order, new Random(seed));
        int[] chosen = order.subList(0, rows).stream().mapToInt(Integer::intValue).sorted().toArray();
        return new DataSet(part.getFeatures().getRows(chosen), part.getLabels().getRows(chosen));
    }

    DatasetSplits data() {
        return data;
    }

    TrainableNetwork network() {
        return network;
    }

    /**
     * One pass over the training part in a freshly shuffled order, asking {@code timeUp} between mini-batches;
     * false when the time was up first and the epoch was cut short. A loss that
     * is not a finite number ends the trial at once: a diverged network cannot recover, so the rest of the epoch
     * would only waste time (a whole MNIST epoch of it, with too high a learning rate).
     */
    boolean trainEpoch(int epoch, BooleanSupplier timeUp) {
        for (Iterator<DataSet> batch = batches.nextEpoch(); batch.hasNext(); ) {
            if (timeUp.getAsBoolean()) return false;
            network.fit(augmentation.apply(batch.next()));
            double loss = network.score();
            if (!Double.isFinite(loss)) {
                throw new TrialDivergedException("diverged at epoch " + epoch + ": training loss is " + loss);
            }
        }
        // fit(DataSet) counts iterations but not epochs (only fit(iterator) does): without this, lr
        // schedules by epoch would never decay.
        network.incrementEpochCount();
        return true;
    }

    /**
     * The task's metrics of the training part (a fixed sample of it beyond {@link #TRAIN_METRIC_ROWS} rows) and of
     * the validation part, named {@code train_<m>} and {@code val_<m>}.
     */
    Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        PartMetrics.of(network, trainSample, data.task(), data.target())
                .forEach((name, value) -> metrics.put(TaskMetrics.TRAIN + name, value));
        PartMetrics.of(network, data.validation(), data.task(), data.target())
                .forEach((name, value) -> metrics.put(TaskMetrics.VALIDATION + name, value));
        return metrics;
    }
}
