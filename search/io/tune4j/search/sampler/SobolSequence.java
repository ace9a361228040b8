package io.tune4j.search.sampler;

import java.util.SplittableRandom;
import org.hipparchus.random.SobolSequenceGenerator;

/**
 * Points of the Sobol' low-discrepancy sequence (Joe and Kuo's direction numbers, from Hipparchus), optionally
 * scrambled. Scrambling (a random lower-triangular linear matrix per dimension, then a random digital shift, as
 * scipy's {@code Sobol(scramble=True)} does) keeps the sequence's balance but removes its structure: without it,
 * the first point is the corner 0 and every study would start at the same points.
 */
public final class SobolSequence {
    /** Hipparchus' points are 52-bit binary fractions: point = integer / 2^52. */
    private static final int BITS = 52;
    private static final double SCALE = 0x1p52;

    private final int dimensions;
    private final SobolSequenceGenerator generator;
    private final long[][] matrixRows;
    private final long[] shifts;

    private SobolSequence(int dimensions, long[][] matrixRows, long[] shifts) {
        this.dimensions = dimensions;
        this.generator = new SobolSequenceGenerator(dimensions);
        this.matrixRows = matrixRows;
        this.shifts = shifts;
    }

    public int dimensions() {
        return dimensions;
    }

    public static SobolSequence plain(int dimensions) {
        return new SobolSequence(dimensions, null, null);
    }

    public static SobolSequence scrambled(int dimensions, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[][] rows = new long[dimensions][BITS];
        long[] shifts = new long[dimensions];
        long mask = (1L << BITS) - 1;
        for (int d = 0; d < dimensions; d++) {
            for (int k = 0; k < BITS; k++) {
                // Row k of a unit lower-triangular matrix, most significant bit first: output bit k depends on
                // input bit k and on random ones among the more significant input bits.
                long diagonal = 1L << (BITS - 1 - k);
                long above = ~((diagonal << 1) - 1) & mask;
                rows[d][k] = diagonal | (random.nextLong() & above);
            }
            shifts[d] = random.nextLong() & mask;
        }
        return new SobolSequence(dimensions, rows, shifts);
    }

    /** The point at {@code index} (0-based); every coordinate is in [0, 1). */
    public synchronized double[] point(int index) {
        double[] point = generator.skipTo(index);
        if (matrixRows == null) return point;
        for (int d = 0; d < point.length; d++) {
            long bits = (long) (point[d] * SCALE);
            point[d] = (scramble(matrixRows[d], bits) ^ shifts[d]) / SCALE;
        }
        return point;
    }

    private static long scramble(long[] rows, long bits) {
        long result = 0;
        for (int k = 0; k < BITS; k++) {
            long parity = Long.bitCount(rows[k] & bits) & 1L;
            result |= parity << (BITS - 1 - k);
        }
        return result;
    }
}
