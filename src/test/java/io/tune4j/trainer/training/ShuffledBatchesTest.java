package io.tune4j.trainer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class ShuffledBatchesTest {
    /** Row i has features (i, -i) and label i, so every batch row can be traced back to its source row. */
    private static final int ROWS = 23;
    private static final DataSet NUMBERED = new DataSet(
            Nd4j.create(IntStream.range(0, ROWS).mapToObj(i -> new double[] {i, -i}).toArray(double[][]::new)),
            Nd4j.create(IntStream.range(0, ROWS).mapToObj(i -> new double[] {i}).toArray(double[][]::new)));

    @Test
    void everyEpochServesEveryRowOnceWithItsOwnLabelInBatchesOfTheGivenSize() {
        ShuffledBatches batches = new ShuffledBatches(NUMBERED, 5, 7);
        for (int epoch = 0; epoch < 3; epoch++) {
            List<Integer> sizes = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            for (Iterator<DataSet> it = batches.nextEpoch(); it.hasNext(); ) {
                DataSet batch = it.next();
                sizes.add(batch.numExamples());
                for (int r = 0; r < batch.numExamples(); r++) {
                    int row = batch.getLabels().getInt(r, 0);
                    assertEquals(row, batch.getFeatures().getInt(r, 0));
                    assertEquals(-row, batch.getFeatures().getInt(r, 1));
                    rows.add(row);
                }
            }
            assertEquals(List.of(5, 5, 5, 5, 3), sizes);
            assertEquals(IntStream.range(0, ROWS).boxed().toList(), rows.stream().sorted().toList());
        }
    }

    @Test
    void theOrderChangesFromEpochToEpochAndRepeatsWithTheSeed() {
        ShuffledBatches first = new ShuffledBatches(NUMBERED, ROWS, 42);
        ShuffledBatches second = new ShuffledBatches(NUMBERED, ROWS, 42);
        List<Integer> epoch1 = order(first);
        List<Integer> epoch2 = order(first);
        assertNotEquals(epoch1, epoch2);
        assertEquals(epoch1, order(second));
        assertEquals(epoch2, order(second));
        assertNotEquals(epoch1, order(new ShuffledBatches(NUMBERED, ROWS, 43)));
    }

    private static List<Integer> order(ShuffledBatches batches) {
        DataSet all = batches.nextEpoch().next();
        return IntStream.range(0, ROWS).mapToObj(r -> all.getLabels().getInt(r, 0)).toList();
    }
}
