package io.tune4j.search.pruner;

import io.tune4j.search.study.Direction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hyperband: several ASHA brackets side by side, from the most aggressive (first rung at {@code minEpochs})
 * to one that never prunes before {@code maxEpochs}, so a slow starter has a bracket where it survives.
 * Each trial belongs to one bracket, chosen by a seeded hash of its number, and competes only with the trials
 * of its bracket. Bracket {@code i} of {@code n} gets a share {@code ceil(n * f^s / (s + 1))} with
 * {@code s = n - 1 - i} of the trials, Hyperband's trial counts per bracket.
 */
public final class HyperbandPruner implements Pruner {
    private final List<SuccessiveHalvingPruner> brackets = new ArrayList<>();
    private final int[] shares;
    private final int totalShares;
    private final long seed;

    public HyperbandPruner(int minEpochs, int maxEpochs, int reductionFactor, long seed) {
        if (maxEpochs < minEpochs) {
            throw new IllegalArgumentException("max_epochs (" + maxEpochs + ") must be >= min_epochs (" + minEpochs + ")");
        }
        int count = bracketCount(minEpochs, maxEpochs, reductionFactor);
        this.shares = new int[count];
        int total = 0;
        for (int i = 0; i < count; i++) {
            brackets.add(new SuccessiveHalvingPruner(minEpochs, reductionFactor, i));
            int s = count - 1 - i;
            shares[i] = (int) Math.ceil(count * Math.pow(reductionFactor, s) / (s + 1));
            total += shares[i];
        }
        this.totalShares = total;
        this.seed = seed;
    }

    /** floor(log_f(max / min)) + 1, counted in integers so that 27/1 with f = 3 gives 4, not 3. */
    static int bracketCount(int minEpochs, int maxEpochs, int reductionFactor) {
        if (reductionFactor < 2) {
            throw new IllegalArgumentException("reduction_factor must be >= 2, got " + reductionFactor);
        }
        int count = 1;
        for (long rung = (long) minEpochs * reductionFactor; rung <= maxEpochs; rung *= reductionFactor) count++;
        return count;
    }

    public int bracketCount() {
        return brackets.size();
    }

    /** The share of trials bracket {@code bracket} receives (out of the sum over all brackets). */
    public int share(int bracket) {
        return shares[bracket];
    }

    /** The bracket trial {@code trialNumber} belongs to. */
    public int bracketOf(int trialNumber) {
        int slot = (int) Math.floorMod(mix(seed * 0x9E3779B97F4A7C15L + trialNumber), (long) totalShares);
        int bracket = 0;
        while (slot >= shares[bracket]) slot -= shares[bracket++];
        return bracket;
    }

    @Override
    public boolean shouldPrune(LearningCurve trial, Collection<LearningCurve> others, Direction direction) {
        int bracket = bracketOf(trial.trialNumber());
        List<LearningCurve> sameBracket = new ArrayList<>();
        for (LearningCurve other : others) {
            if (bracketOf(other.trialNumber()) == bracket) sameBracket.add(other);
        }
        return brackets.get(bracket).shouldPrune(trial, sameBracket, direction);
    }

    /** SplitMix64's finalizer: consecutive trial numbers land in unrelated brackets. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
