package io.tune4j.trainer.training;

import io.tune4j.trainer.data.ImageShape;
import io.tune4j.trainer.network.Hyperparameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Random changes of training images, drawn anew for every image of every batch: a left-right flip with
 * probability {@code flipProbability}, a shift by whole pixels of up to {@code maxShift} of the height and
 * width, and a rotation about the centre of up to {@code maxRotationDegrees}, each either way (what Keras's
 * {@code ImageDataGenerator} calls horizontal_flip, width/height_shift_range and rotation_range). Pixels that
 * come from outside the image take the nearest edge pixel (Keras's default fill), which needs no knowledge of
 * how the rows were standardized. Validation and test images are never augmented: only the training loop
 * applies this, to the batches it trains on.
 */
public record Augmentation(double flipProbability, double maxShift, double maxRotationDegrees) {
    /** The params that ask for it; declaring them on a dataset without images is a mistake. */
    public static final List<Hyperparameter> PARAMS =
            List.of(Hyperparameter.AUGMENT_FLIP, Hyperparameter.AUGMENT_SHIFT, Hyperparameter.AUGMENT_ROTATION);
    /**
     * Mixed into the trial seed: {@link ShuffledBatches} draws from {@code new Random(seed)}, and the same
     * seed here would tie each image's changes to the order of the batches.
     */
    private static final long STREAM = 0x9E3779B97F4A7C15L;

    /** The augmentation a trial's params declare; absent params are off. */
    public static Augmentation of(Map<String, Object> params) {
        Object flip = value(params, Hyperparameter.AUGMENT_FLIP);
        double flipProbability = flip instanceof Boolean on ? (on ? 0.5 : 0.0) : ((Number) flip).doubleValue();
        return new Augmentation(flipProbability, ((Number) value(params, Hyperparameter.AUGMENT_SHIFT)).doubleValue(),
                ((Number) value(params, Hyperparameter.AUGMENT_ROTATION)).doubleValue());
    }

    private static Object value(Map<String, Object> params, Hyperparameter hyperparameter) {
        Object value = params.getOrDefault(hyperparameter.key(), hyperparameter.defaultValue());
        hyperparameter.problemWith(value).ifPresent(problem -> {
            throw new IllegalArgumentException("param '" + hyperparameter.key() + "' = " + value + ": " + problem);
        });
        return value;
    }

    public boolean isOff() {
        return flipProbability == 0 && maxShift == 0 && maxRotationDegrees == 0;
    }

    /**
     * What a trial's training loop applies to each batch: this augmentation drawing from a generator seeded by
     * the trial, or the batch unchanged when it is off. Fails on data without an image shape.
     */
    public UnaryOperator<DataSet> forTrial(Optional<ImageShape> image, long trialSeed) {
        if (isOff()) return UnaryOperator.identity();
        ImageShape shape = image.orElseThrow(() -> new IllegalArgumentException("the augment_ params need a "
                + "dataset of images (mnist, fashion-mnist, digits or an images: folder); this one is a table"));
        Random random = new Random(trialSeed ^ STREAM);
        return batch -> apply(batch, shape, random);
    }

    /**
     * A new batch of the same labels whose images are changed by draws from {@code random}; {@code batch} is
     * left as it is. The same generator state gives the same batch.
     */
    public DataSet apply(DataSet batch, ImageShape shape, Random random) {
        INDArray features = batch.getFeatures();
        int rows = (int) features.size(0);
        int pixels = shape.pixels();
        if (features.size(1) != pixels) {
            throw new IllegalArgumentException("rows of " + features.size(1) + " values are not " + shape + " images");
        }
        // One bulk copy out and one back in: row by row (toFloatMatrix, create(float[][])) doubled the CPU time
        // of augmenting an MNIST epoch (1.6-2.0 s against 0.8-1.0 s, ImageDataBenchmark).
        float[] images = (features.isView() || features.ordering() != 'c' ? features.dup('c') : features)
                .data().asFloat();
        float[] changed = new float[rows * pixels];
        for (int i = 0; i < rows; i++) {
            boolean flip = flipProbability > 0 && random.nextDouble() < flipProbability;
            int dy = maxShift > 0 ? (int) Math.round(symmetric(random) * maxShift * shape.height()) : 0;
            int dx = maxShift > 0 ? (int) Math.round(symmetric(random) * maxShift * shape.width()) : 0;
            double degrees = maxRotationDegrees > 0 ? symmetric(random) * maxRotationDegrees : 0;
            float[] image = Arrays.copyOfRange(images, i * pixels, (i + 1) * pixels);
            System.arraycopy(transform(image, shape, flip, dy, dx, degrees), 0, changed, i * pixels, pixels);
        }
        return new DataSet(Nd4j.create(changed, new long[] {rows, pixels}, 'c'), batch.getLabels());
    }

    /** Uniform in [-1, 1]. */
    private static double symmetric(Random random) {
        return 2 * random.nextDouble() - 1;
    }

    /**
     * One image (channel by channel, row by row) flipped left to right, then rotated counter-clockwise by
     * {@code degrees} about its centre, then moved {@code dy} rows down and {@code dx} columns right. Each
     * output pixel reads its source point bilinearly, clamped to the image (whole-pixel moves stay exact).
     */
    static float[] transform(float[] image, ImageShape shape, boolean flip, int dy, int dx, double degrees) {
        int height = shape.height();
        int width = shape.width();
        int area = height * width;
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        double centreY = (height - 1) / 2.0;
        double centreX = (width - 1) / 2.0;
        float[] out = new float[image.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double offsetX = x - dx - centreX;
                double offsetY = y - dy - centreY;
                // The inverse of a counter-clockwise turn on screen, where y grows downwards.
                double sourceX = cos * offsetX - sin * offsetY + centreX;
                double sourceY = sin * offsetX + cos * offsetY + centreY;
                if (flip) sourceX = width - 1 - sourceX;
                sourceX = Math.max(0, Math.min(width - 1, sourceX));
                sourceY = Math.max(0, Math.min(height - 1, sourceY));
                int x0 = (int) sourceX;
                int y0 = (int) sourceY;
                int x1 = Math.min(x0 + 1, width - 1);
                int y1 = Math.min(y0 + 1, height - 1);
                double fx = sourceX - x0;
                double fy = sourceY - y0;
                for (int c = 0; c < shape.channels(); c++) {
                    int base = c * area;
                    double top = image[base + y0 * width + x0] * (1 - fx) + image[base + y0 * width + x1] * fx;
                    double bottom = image[base + y1 * width + x0] * (1 - fx) + image[base + y1 * width + x1] * fx;
                    out[base + y * width + x] = (float) (top * (1 - fy) + bottom * fy);
                }
            }
        }
        return out;
    }
}
