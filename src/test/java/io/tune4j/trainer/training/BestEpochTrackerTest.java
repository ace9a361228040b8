package io.tune4j.trainer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keras' EarlyStopping rule, epoch by epoch, without training anything. */
class BestEpochTrackerTest {

    @Test
    void lossesImproveDownwardsByMoreThanMinDelta() {
        BestEpochTracker tracker = new BestEpochTracker("val_loss", 0.1);
        assertTrue(tracker.offer(loss(1, 1.0)));
        assertFalse(tracker.offer(loss(2, 0.95)), "a drop of 0.05 is within min_delta");
        assertFalse(tracker.offer(loss(3, 0.9)), "exactly min_delta is not more than it");
        assertTrue(tracker.offer(loss(4, 0.85)));
        assertEquals(4, tracker.best().epoch());
    }

    @Test
    void accuraciesImproveUpwards() {
        BestEpochTracker tracker = new BestEpochTracker("val_accuracy", 0.0);
        tracker.offer(accuracy(1, 0.5));
        assertFalse(tracker.offer(accuracy(2, 0.4)));
        assertFalse(tracker.offer(accuracy(3, 0.5)), "equal is no improvement");
        assertTrue(tracker.offer(accuracy(4, 0.6)));
        assertEquals(4, tracker.best().epoch());
    }

    @Test
    void patienceCountsEpochsWithoutImprovementSinceTheBest() {
        BestEpochTracker tracker = new BestEpochTracker("val_loss", 0.0);
        tracker.offer(loss(1, 1.0));
        tracker.offer(loss(2, 1.1));
        assertFalse(tracker.exhausted(2));
        tracker.offer(loss(3, 0.9));
        assertFalse(tracker.exhausted(2), "an improvement resets the count");
        tracker.offer(loss(4, 0.95));
        tracker.offer(loss(5, 0.92));
        assertTrue(tracker.exhausted(2));
    }

    @Test
    void patienceZeroStopsAtTheFirstEpochThatFailsToImproveNotAtTheFirstEpoch() {
        BestEpochTracker tracker = new BestEpochTracker("val_loss", 0.0);
        tracker.offer(loss(1, 1.0));
        assertFalse(tracker.exhausted(0));
        tracker.offer(loss(2, 0.8));
        assertFalse(tracker.exhausted(0));
        tracker.offer(loss(3, 0.8));
        assertTrue(tracker.exhausted(0));
    }

    private static EpochMetrics loss(int epoch, double valLoss) {
        return new EpochMetrics(epoch, Map.of("val_loss", valLoss));
    }

    private static EpochMetrics accuracy(int epoch, double valAccuracy) {
        return new EpochMetrics(epoch, Map.of("val_accuracy", valAccuracy));
    }
}
