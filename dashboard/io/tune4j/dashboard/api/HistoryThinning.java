package io.tune4j.dashboard.api;

import io.tune4j.search.study.TrialState;
import io.tune4j.store.query.HistoryPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimization history cut down to about {@code max} points for the page: every trial that improved on
 * the best so far (so the best-so-far line is exact), every running trial, and every k-th of the rest. At
 * 100,000 trials the whole history was 2.6 MB of JSON; the page's views need its shape, not every dot.
 */
final class HistoryThinning {
    private HistoryThinning() {}

    static List<HistoryPoint> of(List<HistoryPoint> points, boolean maximize, int max) {
        if (points.size() <= max) return points;
        int step = (points.size() + max - 1) / max;
        List<HistoryPoint> kept = new ArrayList<>();
        Double best = null;
        for (int i = 0; i < points.size(); i++) {
            HistoryPoint point = points.get(i);
            Double value = point.state() == TrialState.COMPLETE ? point.value() : null;
            boolean improves = value != null && (best == null || (maximize ? value > best : value < best));
            if (improves) best = value;
            if (improves || point.state() == TrialState.RUNNING || i % step == 0) kept.add(point);
        }
        return kept;
    }
}
