package io.tune4j.trainer.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.trainer.data.ImageShape;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Flips, shifts and rotations of training images: seeded, exact on hand-made images, never in place. */
class AugmentationTest {
    private static final ImageShape THREE_BY_THREE = new ImageShape(3, 3, 1);
    /** 1 2 3 / 4 5 6 / 7 8 9. */
    private static final float[] NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void aFlipMirrorsEveryRowOfEveryChannel() {
        ImageShape shape = new ImageShape(2, 3, 2);
        float[] image = {1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60};
        DataSet batch = batch(image, image);
        DataSet flipped = new Augmentation(1.0, 0, 0).apply(batch, shape, new Random(1));
        float[] mirror = {3, 2, 1, 6, 5, 4, 30, 20, 10, 60, 50, 40};
        assertArrayEquals(mirror, flipped.getFeatures().getRow(0).toFloatVector());
        assertArrayEquals(mirror, flipped.getFeatures().getRow(1).toFloatVector());
        assertEquals(batch.getLabels(), flipped.getLabels(), "labels stay");
        assertArrayEquals(image, batch.getFeatures().getRow(0).toFloatVector(), "the batch given is left as it is");
    }

    @Test
    void aShiftMovesByWholePixelsAndFillsWithTheNearestEdge() {
        // One row down and one column left: row 0 repeats the top edge, column 2 the right edge.
        assertArrayEquals(new float[] {2, 3, 3, 2, 3, 3, 5, 6, 6},
                Augmentation.transform(NINE, THREE_BY_THREE, false, 1, -1, 0));
    }

    @Test
    void aRotationTurnsAboutTheCentre() {
        // A quarter turn counter-clockwise: the top row becomes the left column, read bottom-up.
        assertArrayEquals(new float[] {3, 6, 9, 2, 5, 8, 1, 4, 7},
                Augmentation.transform(NINE, THREE_BY_THREE, false, 0, 0, 90), 1e-5f);
        assertArrayEquals(new float[] {7, 4, 1, 8, 5, 2, 9, 6, 3},
                Augmentation.transform(NINE, THREE_BY_THREE, false, 0, 0, -90), 1e-5f);
        float[] small = Augmentation.transform(NINE, THREE_BY_THREE, false, 0, 0, 10);
        assertEquals(5f, small[4], 1e-5f, "the centre stays");
        assertTrue(small[1] > 2 && small[1] < 3, "the top middle now reads between 2 and 3: " + small[1]);
    }

    @Test
    void shiftsStayWithinTheirFractionAndReachEveryOffset() {
        ImageShape shape = new ImageShape(8, 8, 1);
        float[] dot = new float[64];
        dot[3 * 8 + 3] = 1;
        Augmentation shift = new Augmentation(0, 0.25, 0);
        Random random = new Random(5);
        Set<Integer> rows = new HashSet<>();
        Set<Integer> columns = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            float[] moved = shift.apply(batch(dot), shape, random).getFeatures().toFloatVector();
            int at = argmax(moved);
            rows.add(at / 8 - 3);
            columns.add(at % 8 - 3);
        }
        assertEquals(Set.of(-2, -1, 0, 1, 2), rows, "a quarter of 8 pixels is 2 either way");
        assertEquals(Set.of(-2, -1, 0, 1, 2), columns);
    }

    @Test
    void theSameSeedGivesTheSameBatchAndAnotherSeedAnother() {
        Augmentation all = new Augmentation(0.5, 0.2, 15);
        ImageShape shape = new ImageShape(6, 6, 1);
        Random pixels = new Random(0);
        float[][] images = new float[16][36];
        for (float[] image : images) for (int p = 0; p < 36; p++) image[p] = pixels.nextFloat();
        DataSet batch = batch(images);
        DataSet first = all.apply(batch, shape, new Random(42));
        assertEquals(first.getFeatures(), all.apply(batch, shape, new Random(42)).getFeatures());
        assertNotEquals(first.getFeatures(), all.apply(batch, shape, new Random(43)).getFeatures());
        assertNotEquals(batch.getFeatures(), first.getFeatures());
    }

    @Test
    void paramsTurnItOnAndAbsentParamsLeaveItOff() {
        assertEquals(new Augmentation(0.5, 0.1, 0),
                Augmentation.of(Map.of("augment_flip", true, "augment_shift", 0.1)));
        assertEquals(new Augmentation(0, 0, 12),
                Augmentation.of(Map.of("augment_flip", false, "augment_rotation", 12)));
        assertEquals(new Augmentation(0.3, 0, 0), Augmentation.of(Map.of("augment_flip", 0.3)));
        Augmentation off = Augmentation.of(Map.of("learning_rate", 0.1));
        assertTrue(off.isOff());
        UnaryOperator<DataSet> none = off.forTrial(Optional.empty(), 1);
        DataSet batch = batch(NINE);
        assertSame(batch, none.apply(batch), "a table trains as before");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Augmentation.of(Map.of("augment_rotation", 270)));
        assertTrue(bad.getMessage().contains("augment_rotation"), bad.getMessage());
    }

    @Test
    void augmentingATableFailsTheTrialWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Augmentation(0.5, 0, 0).forTrial(Optional.empty(), 1));
        assertTrue(e.getMessage().contains("need a dataset of images"), e.getMessage());
    }

    private static DataSet batch(float[]... images) {
        return new DataSet(Nd4j.create(images), Nd4j.create(new float[images.length][2]).addi(0.5));
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
