package io.tune4j.search.sampler.gp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Maximizes the acquisition over the unit cube by multi-start local search, as Optuna's GP sampler does:
 * score many random candidates (plus points scattered around the best trials so far, where EI's peaks usually
 * sit once the model is sure of the region), then refine the best few. Refinement alternates projected
 * gradient steps on the continuous coordinates with value-by-value sweeps of each categorical and narrow
 * integer, until a round improves nothing.
 */
final class AcquisitionOptimizer {
    private static final int MAX_ROUNDS = 4;
    private static final double[] NEIGHBOURHOOD_SCALES = {0.01, 0.05, 0.2};

    private final InputEncoding encoding;
    private final int candidates;
    private final int localSearches;
    private final ProjectedGradientMinimizer minimizer = new ProjectedGradientMinimizer(50, 1e-6);

    AcquisitionOptimizer(InputEncoding encoding, int candidates, int localSearches) {
        this.encoding = encoding;
        this.candidates = candidates;
        this.localSearches = localSearches;
    }

    /** A search point and its acquisition value. */
    record Scored(double[] point, double value) {}

    /**
     * Search points in order of preference: the refined local optima, best first, with every integer and
     * categorical coordinate snapped to a value's centre; then every other candidate, best first, as fallbacks
     * for when the optima are all taken by finished or running trials. {@code incumbents} are the search points
     * of the best trials so far.
     */
    List<double[]> maximize(Acquisition acquisition, List<double[]> incumbents, SplittableRandom random) {
        List<Scored> starts = new ArrayList<>();
        for (double[] u : initialPoints(incumbents, random)) starts.add(new Scored(u, acquisition.value(u)));
        starts.sort(Comparator.comparingDouble(Scored::value).reversed());
        int refinedCount = Math.min(localSearches, starts.size());
        List<Scored> refined = new ArrayList<>();
        for (Scored start : starts.subList(0, refinedCount)) {
            double[] snapped = encoding.snap(refine(acquisition, start));
            refined.add(new Scored(snapped, acquisition.value(snapped)));
        }
        refined.sort(Comparator.comparingDouble(Scored::value).reversed());
        List<double[]> preference = new ArrayList<>(starts.size() + refinedCount);
        for (Scored scored : refined) preference.add(scored.point());
        for (Scored scored : starts) preference.add(scored.point());
        return preference;
    }

    private List<double[]> initialPoints(List<double[]> incumbents, SplittableRandom random) {
        int d = encoding.dimensions();
        List<double[]> points = new ArrayList<>(candidates);
        int local = incumbents.isEmpty() ? 0 : candidates / 4;
        for (int c = 0; c < candidates - local; c++) {
            double[] u = new double[d];
            for (int i = 0; i < d; i++) u[i] = random.nextDouble();
            points.add(u);
        }
        for (int c = 0; c < local; c++) {
            double[] centre = incumbents.get(c % incumbents.size());
            double scale = NEIGHBOURHOOD_SCALES[c % NEIGHBOURHOOD_SCALES.length];
            double[] u = centre.clone();
            for (int i = 0; i < d; i++) {
                if (encoding.isContinuous(i)) {
                    u[i] = Math.min(1, Math.max(0, u[i] + scale * gaussian(random)));
                } else if (random.nextDouble() < 1.0 / d) {
                    u[i] = random.nextDouble();
                }
            }
            points.add(u);
        }
        return points;
    }

    private double[] refine(Acquisition acquisition, Scored start) {
        double[] u = start.point().clone();
        double value = start.value();
        boolean anyContinuous = false;
        for (int i = 0; i < u.length; i++) anyContinuous |= encoding.isContinuous(i);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (anyContinuous) {
                ProjectedGradientMinimizer.Result result = minimizer.minimize(
                        (point, gradient) -> negated(acquisition.valueAndGradient(point, gradient), gradient),
                        u, continuousLower(u), continuousUpper(u));
                if (-result.value() > value) {
                    u = result.point();
                    value = -result.value();
                }
            }
            // The continuous optimum only moves again if a discrete coordinate changed.
            boolean discreteMoved = false;
            for (int i = 0; i < u.length; i++) {
                for (double position : encoding.discretePositions(i)) {
                    double saved = u[i];
                    u[i] = position;
                    double candidate = acquisition.value(u);
                    if (candidate > value) {
                        value = candidate;
                        discreteMoved |= saved != position;
                    } else {
                        u[i] = saved;
                    }
                }
            }
            if (!discreteMoved) break;
        }
        return u;
    }

    /** Bounds that let the continuous coordinates move over [0, 1] and hold the discrete ones where they are. */
    private double[] continuousLower(double[] u) {
        double[] lower = new double[u.length];
        for (int i = 0; i < u.length; i++) lower[i] = encoding.isContinuous(i) ? 0 : u[i];
        return lower;
    }

    private double[] continuousUpper(double[] u) {
        double[] upper = new double[u.length];
        for (int i = 0; i < u.length; i++) upper[i] = encoding.isContinuous(i) ? 1 : u[i];
        return upper;
    }

    private static double negated(double value, double[] gradient) {
        for (int i = 0; i < gradient.length; i++) gradient[i] = -gradient[i];
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : -value;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default, which is
        // not guaranteed stable across JDKs; this keeps the same seed giving the same point everywhere.
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
