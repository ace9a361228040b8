package io.tune4j.trainer.training;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A training part served as mini-batches, in a new random order every epoch; the orders follow from one
 * seed, so a trial retrains identically. Each batch's rows are pulled straight out of the unshuffled set:
 * ND4J's {@code copy().shuffle()} then {@code batchBy} splits the set into one DataSet per row and merges them
 * back, about three times slower (1.5-3 s against 0.6 s per MNIST epoch of 60,000 rows here).
 * Features and labels are matrices, one row per example (what an MLP takes).
 *
 * <p>The rows are copied into the same two arrays batch after batch, so a batch is valid until the next one
 * is taken. A fresh pair per batch cost an off-heap allocation, a page-faulted 200 KB block and a
 * deallocator for the garbage collector to run, 844 times per MNIST epoch.
 */
final class ShuffledBatches {
    private final DataSet data;
    private final int batchSize;
    private final Random random;
    /** The batch arrays, by batch size: the full size, and the smaller last batch's. */
    private final Map<Integer, DataSet> buffers = new HashMap<>();

    ShuffledBatches(DataSet data, int batchSize, long seed) {
        this.data = data;
        this.batchSize = batchSize;
        this.random = new Random(seed);
    }

    /**
     * The next epoch: every row exactly once, in batches of {@code batchSize} (the last may be smaller), each
     * batch overwritten by the next.
     */
    Iterator<DataSet> nextEpoch() {
        int[] order = permutation(data.numExamples());
        return new Iterator<>() {
            private int start;

            @Override
            public boolean hasNext() {
                return start < order.length;
            }

            @Override
            public DataSet next() {
                if (!hasNext()) throw new NoSuchElementException();
                int[] rows = Arrays.copyOfRange(order, start, Math.min(start + batchSize, order.length));
                start += rows.length;
                DataSet batch = buffers.computeIfAbsent(rows.length, ShuffledBatches.this::emptyBatch);
                Nd4j.pullRows(data.getFeatures(), batch.getFeatures(), 1, rows);
                Nd4j.pullRows(data.getLabels(), batch.getLabels(), 1, rows);
                return batch;
            }
        };
    }

    private DataSet emptyBatch(int rows) {
        INDArray features = data.getFeatures();
        INDArray labels = data.getLabels();
        return new DataSet(Nd4j.create(features.dataType(), rows, features.size(1)),
                Nd4j.create(labels.dataType(), rows, labels.size(1)));
    }

    /** Fisher-Yates over 0..n-1. */
    private int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swapped = order[i];
            order[i] = order[j];
            order[j] = swapped;
        }
        return order;
    }
}
