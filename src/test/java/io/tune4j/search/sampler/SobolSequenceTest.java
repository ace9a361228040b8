package io.tune4j.search.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SobolSequenceTest {

    @Test
    void unscrambledPointsAreTheReferenceSequence() {
        // The first 8 points in 3 dimensions with Joe and Kuo's direction numbers, as scipy.stats.qmc.Sobol
        // (scramble=False) and every other implementation give them.
        double[][] reference = {
                {0, 0, 0}, {0.5, 0.5, 0.5}, {0.75, 0.25, 0.25}, {0.25, 0.75, 0.75},
                {0.375, 0.375, 0.625}, {0.875, 0.875, 0.125}, {0.625, 0.125, 0.875}, {0.125, 0.625, 0.375}};
        SobolSequence sequence = SobolSequence.plain(3);
        for (int i = 0; i < reference.length; i++) assertArrayEquals(reference[i], sequence.point(i), 0, "point " + i);
    }

    @Test
    void scrambledPointsStayInTheUnitCubeAndKeepTheSequencesBalance() {
        int dimensions = 12;
        SobolSequence sequence = SobolSequence.scrambled(dimensions, 99);
        int points = 256;
        int[][] perStratum = new int[dimensions][points];
        for (int i = 0; i < points; i++) {
            double[] point = sequence.point(i);
            for (int d = 0; d < dimensions; d++) {
                assertTrue(point[d] >= 0 && point[d] < 1, "coordinate " + point[d]);
                perStratum[d][(int) (point[d] * points)]++;
            }
        }
        // Each one-dimensional projection of the first 2^8 points puts exactly one point in each of the 2^8
        // equal cells; a scramble that broke the net property would leave some cells empty, as random points do.
        for (int d = 0; d < dimensions; d++) {
            int dimension = d;
            assertTrue(Arrays.stream(perStratum[d]).allMatch(count -> count == 1), "dimension " + dimension);
        }
    }

    @Test
    void theSeedChoosesTheScrambleAndTheCornerIsGone() {
        double[] a = SobolSequence.scrambled(4, 1).point(0);
        assertArrayEquals(a, SobolSequence.scrambled(4, 1).point(0), 0);
        assertFalse(Arrays.equals(a, SobolSequence.scrambled(4, 2).point(0)));
        assertFalse(Arrays.stream(a).allMatch(x -> x == 0), "the unscrambled first point is the corner 0");
        assertEquals(4, a.length);
    }
}
