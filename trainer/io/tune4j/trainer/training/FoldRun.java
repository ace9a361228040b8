package io.tune4j.trainer.training;

import io.tune4j.trainer.data.DatasetSplits;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One network of a trial in training on its own data split (the trial's only one, or one fold of k-fold
 * evaluation): an epoch at a time, and measured after each.
 */
final class FoldRun {
    private final DatasetSplits data;
    private final TrainableNetwork network;
    private final ShuffledBatches batches;
    private final UnaryOperator<DataSet> augmentation;

    FoldRun(DatasetSplits data, TrainableNetwork network, int batchSize, long seed,
            UnaryOperator<DataSet> augmentation) {
        this.data = data;
        this.network = network;
        this.batches = new ShuffledBatches(data.train(), batchSize, seed);
        this.augmentation = augmentation;
    }

    DatasetSplits data() {
        return data;
    }

    TrainableNetwork network() {
        return network;
    }

    /**
     * One pass over the training part in a freshly shuffled order, checking the clock between mini-batches;
     * false when {@code deadline} ({@link System#nanoTime}) passed first and the epoch was cut short. A loss that
     * is not a finite number ends the trial at once: a diverged network cannot recover, so the rest of the epoch
     * would only waste time (a whole MNIST epoch of it, with too high a learning rate).
     */
    boolean trainEpoch(int epoch, long deadline) {
        for (Iterator<DataSet> batch = batches.nextEpoch(); batch.hasNext(); ) {
            if (System.nanoTime() - deadline > 0) return false;
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

    /** The task's metrics of the training and validation parts, named {@code train_<m>} and {@code val_<m>}. */
    Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        PartMetrics.of(network, data.train(), data.task(), data.target())
                .forEach((name, value) -> metrics.put(TaskMetrics.TRAIN + name, value));
        PartMetrics.of(network, data.validation(), data.task(), data.target())
                .forEach((name, value) -> metrics.put(TaskMetrics.VALIDATION + name, value));
        return metrics;
    }
}
