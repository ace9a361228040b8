package io.tune4j.search.sampler;

import java.util.SplittableRandom;

/**
 * One generator per trial, fixed by the study seed and the trial number, so a trial's draws do not depend on
 * how many trials ran before it or in which order.
 *
 * <p>The two are hashed together (SplitMix64's finalizer) rather than combined linearly: a SplittableRandom
 * seeded with {@code s + k * 0x9E3779B97F4A7C15} yields the stream of seed {@code s} shifted by k draws, so
 * such seeds made trial n+1 reuse the coordinates of trial n, shifted by one.
 */
public final class TrialSeeds {
    private TrialSeeds() {}

    public static long of(long studySeed, int trialNumber) {
        long z = studySeed + 0x9E3779B97F4A7C15L * (trialNumber + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        // A second round on the mixed value, so that nearby study seeds are unrelated too.
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        return z ^ (z >>> 33);
    }

    public static SplittableRandom random(long studySeed, int trialNumber) {
        return new SplittableRandom(of(studySeed, trialNumber));
    }
}
