package io.tune4j.search.pruner;

import io.tune4j.search.study.Direction;
import java.util.Collection;
import java.util.Objects;

/**
 * The median stopping rule: stop a trial whose best value so far is worse than the median of what the
 * completed trials reported at the same step. Nothing is pruned until {@code warmupTrials} trials have
 * completed (the median of two curves says little), nor before step {@code warmupEpochs} of a trial (early
 * epochs are noisy and a slow starter is not a bad trial).
 */
public final class MedianPruner implements Pruner {
    private final int warmupTrials;
    private final int warmupEpochs;

    public MedianPruner(int warmupTrials, int warmupEpochs) {
        if (warmupTrials < 0) throw new IllegalArgumentException("warmup_trials must be >= 0, got " + warmupTrials);
        if (warmupEpochs < 0) throw new IllegalArgumentException("warmup_epochs must be >= 0, got " + warmupEpochs);
        this.warmupTrials = warmupTrials;
        this.warmupEpochs = warmupEpochs;
    }

    @Override
    public boolean shouldPrune(LearningCurve trial, Collection<LearningCurve> others, Direction direction) {
        int step = trial.lastStep();
        if (step == 0 || step <= warmupEpochs) return false;
        if (others.stream().filter(LearningCurve::isComplete).count() < Math.max(1, warmupTrials)) return false;
        double[] atStep = others.stream().filter(LearningCurve::isComplete).map(curve -> curve.at(step))
                .filter(Objects::nonNull).filter(value -> !value.isNaN()).mapToDouble(Double::doubleValue)
                .sorted().toArray();
        // Completed trials that stopped early never reached this step: with none left there is no median.
        if (atStep.length == 0) return false;
        double best = bestSoFar(trial, direction);
        if (Double.isNaN(best)) return true;
        return direction.isBetter(median(atStep), best);
    }

    private static double bestSoFar(LearningCurve trial, Direction direction) {
        double best = Double.NaN;
        for (double value : trial.values().values()) {
            if (Double.isNaN(value)) continue;
            if (Double.isNaN(best) || direction.isBetter(value, best)) best = value;
        }
        return best;
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
