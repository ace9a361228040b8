package io.tune4j.dashboard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.search.study.TrialState;
import io.tune4j.store.query.HistoryPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HistoryThinningTest {
    @Test
    void aSmallHistoryIsSentWhole() {
        List<HistoryPoint> points = List.of(new HistoryPoint(0, TrialState.COMPLETE, 0.5));
        assertSame(points, HistoryThinning.of(points, true, 10));
    }

    @Test
    void aLargeHistoryKeepsEveryImprovementAndEveryRunningTrialSoTheBestSoFarLineIsExact() {
        SplittableRandom random = new SplittableRandom(5);
        List<HistoryPoint> points = new ArrayList<>();
        for (int n = 0; n < 100_000; n++) {
            TrialState state = n == 99_998 ? TrialState.RUNNING : n % 10 == 0 ? TrialState.PRUNED : TrialState.COMPLETE;
            points.add(new HistoryPoint(n, state, state == TrialState.COMPLETE ? random.nextDouble() : null));
        }
        List<HistoryPoint> kept = HistoryThinning.of(points, false, 1000);
        assertTrue(kept.size() < 1100, "about the asked number, got " + kept.size());
        assertEquals(bestSoFar(points), bestSoFar(kept), "the same minimum reached at the same trial");
        assertTrue(kept.stream().anyMatch(p -> p.state() == TrialState.RUNNING));
        assertTrue(kept.get(kept.size() - 1).number() > 99_000, "spread to the end of the study");
    }

    /** Each improvement of the minimum as "number:value". */
    private static List<String> bestSoFar(List<HistoryPoint> points) {
        List<String> steps = new ArrayList<>();
        Double best = null;
        for (HistoryPoint p : points) {
            if (p.value() != null && (best == null || p.value() < best)) {
                best = p.value();
                steps.add(p.number() + ":" + best);
            }
        }
        return steps;
    }
}
