package io.tune4j.search.sampler.gp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Maximizes an acquisition function over the unit cube of a space: random points and jitters of the best
 * trials so far are scored, then the best few are refined by a local search that tries a random coordinate
 * move and halves its step when moves stop paying. Works on the space's own coordinates, so integers and
 * categoricals are searched through the values they map to, never between them.
 */
final class AcquisitionSearch {
    private static final int LOCAL_STEPS = 60;
    private static final double JITTER = 0.05;

    private final ToDoubleFunction<double[]> acquisition;
    private final int dimensions;
    private final SplittableRandom random;

    AcquisitionSearch(ToDoubleFunction<double[]> acquisition, int dimensions, SplittableRandom random) {
        this.acquisition = acquisition;
        this.dimensions = dimensions;
        this.random = random;
    }

    /** The best point found; {@code incumbents} are the unit points of the best trials so far. */
    double[] maximize(List<double[]> incumbents, int randomCandidates, int localSearches) {
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < randomCandidates; i++) {
            double[] point = new double[dimensions];
            for (int d = 0; d < dimensions; d++) point[d] = random.nextDouble();
            scored.add(score(point));
        }
        for (double[] incumbent : incumbents) {
            for (int i = 0; i < 16; i++) {
                double[] point = incumbent.clone();
                for (int d = 0; d < dimensions; d++) point[d] = clamp(point[d] + JITTER * random.nextGaussian());
                scored.add(score(point));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::value).reversed());
        Scored best = scored.get(0);
        for (int s = 0; s < Math.min(localSearches, scored.size()); s++) {
            Scored refined = refine(scored.get(s));
            if (refined.value > best.value) best = refined;
        }
        return best.point;
    }

    private Scored refine(Scored start) {
        Scored current = start;
        double step = 0.1;
        for (int i = 0; i < LOCAL_STEPS && step > 1e-4; i++) {
            double[] point = current.point.clone();
            int d = random.nextInt(dimensions);
            point[d] = clamp(point[d] + (random.nextBoolean() ? step : -step));
            Scored candidate = score(point);
            if (candidate.value > current.value) {
                current = candidate;
            } else {
                step *= 0.7;
            }
        }
        return current;
    }

    private Scored score(double[] point) {
        return new Scored(point, acquisition.applyAsDouble(point));
    }

    private static double clamp(double u) {
        return Math.min(Math.max(u, 0), Math.nextDown(1.0));
    }

    private record Scored(double[] point, double value) {}
}
