package io.tune4j.search.pruner;

import io.tune4j.search.study.Direction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Asynchronous successive halving (ASHA). Rung {@code k} sits at step
 * {@code minEpochs * reductionFactor^(earlyStoppingRate + k)}; a trial reaching a rung goes on only if its
 * value there is in the best {@code 1/reductionFactor} of all values recorded at that rung so far, its own
 * included. Promotion is decided once, when the trial reaches the rung, without waiting for a full cohort
 * (that is what makes it asynchronous); while a rung holds fewer than {@code reductionFactor} values, only
 * the best one so far goes on.
 *
 * <p>A trial's value at a rung is the first value it reported at or after the rung's step, so rungs are read
 * from the learning curves alone: a pruned trial's curve ends at the rung where it lost.
 */
public final class SuccessiveHalvingPruner implements Pruner {
    private final int minEpochs;
    private final int reductionFactor;
    private final int earlyStoppingRate;

    public SuccessiveHalvingPruner(int minEpochs, int reductionFactor) {
        this(minEpochs, reductionFactor, 0);
    }

    /** {@code earlyStoppingRate} moves the first rung up by that many powers of the factor (Hyperband's brackets). */
    public SuccessiveHalvingPruner(int minEpochs, int reductionFactor, int earlyStoppingRate) {
        if (minEpochs < 1) throw new IllegalArgumentException("min_epochs must be >= 1, got " + minEpochs);
        if (reductionFactor < 2) {
            throw new IllegalArgumentException("reduction_factor must be >= 2, got " + reductionFactor);
        }
        if (earlyStoppingRate < 0) {
            throw new IllegalArgumentException("early stopping rate must be >= 0, got " + earlyStoppingRate);
        }
        this.minEpochs = minEpochs;
        this.reductionFactor = reductionFactor;
        this.earlyStoppingRate = earlyStoppingRate;
    }

    /** The step of rung {@code rung}, saturating instead of overflowing. */
    public long rungStep(int rung) {
        long step = minEpochs;
        for (int i = 0; i < earlyStoppingRate + rung; i++) {
            step *= reductionFactor;
            if (step > Integer.MAX_VALUE) return Long.MAX_VALUE;
        }
        return step;
    }

    @Override
    public boolean shouldPrune(LearningCurve trial, Collection<LearningCurve> others, Direction direction) {
        int step = trial.lastStep();
        if (step == 0) return false;
        Integer before = trial.values().lowerKey(step);
        int previous = before == null ? 0 : before;
        // Only rungs crossed by this report are judged: a promotion, once given, is never taken back.
        for (int rung = 0; rungStep(rung) <= step; rung++) {
            long rungStep = rungStep(rung);
            if (rungStep <= previous) continue;
            double value = trial.values().get(step);
            if (Double.isNaN(value)) return true;
            if (!promotable(value, rungStep, others, direction)) return true;
        }
        return false;
    }

    private boolean promotable(double value, long rungStep, Collection<LearningCurve> others, Direction direction) {
        List<Double> competing = new ArrayList<>();
        competing.add(value);
        for (LearningCurve other : others) {
            Double atRung = valueAtRung(other, rungStep);
            if (atRung != null && !atRung.isNaN()) competing.add(atRung);
        }
        competing.sort(direction == Direction.MAXIMIZE ? Comparator.reverseOrder() : null);
        // The last place that goes on; with fewer than reductionFactor values, only the best.
        int lastPromoted = Math.max(0, competing.size() / reductionFactor - 1);
        double threshold = competing.get(lastPromoted);
        return !direction.isBetter(threshold, value);
    }

    private static Double valueAtRung(LearningCurve curve, long rungStep) {
        if (rungStep > Integer.MAX_VALUE) return null;
        Integer step = curve.values().ceilingKey((int) rungStep);
        return step == null ? null : curve.values().get(step);
    }
}
