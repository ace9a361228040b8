package io.tune4j.trainer.data;

import java.nio.file.Path;
import java.util.Optional;

/** Where a study's examples come from, as declared under {@code dataset:} in a space file. */
public sealed interface DatasetSpec {

    /**
     * The shape of each row when the rows are images and it is known from the declaration alone (no data read):
     * empty for a table, and for an image folder without {@code size:}.
     */
    default Optional<ImageShape> image() {
        return Optional.empty();
    }

    /** Whether the rows are images (so they have an {@link ImageShape}); known without reading any file. */
    boolean holdsImages();

    /** A dataset shipped inside tune4j: iris, digits, wine or breast-cancer. */
    record BuiltIn(String name) implements DatasetSpec {
        @Override
        public Optional<ImageShape> image() {
            return BuiltInDataset.named(name).image();
        }

        @Override
        public boolean holdsImages() {
            return BuiltInDataset.named(name).image().isPresent();
        }
    }

    /**
     * A user's CSV file. {@code label} is "last", "first", a 0-based column index or a header name;
     * {@code header} null means "detect: a first row with a non-numeric feature cell is a header".
     */
    record Csv(Path path, String label, Boolean header) implements DatasetSpec {
        @Override
        public boolean holdsImages() {
            return false;
        }
    }

    /** A folder holding the four idx files of MNIST or Fashion-MNIST (plain or .gz). */
    record Idx(String kind, Path dir) implements DatasetSpec {
        /** Both MNIST and Fashion-MNIST are 28x28 grey images. */
        @Override
        public Optional<ImageShape> image() {
            return Optional.of(new ImageShape(28, 28, 1));
        }

        @Override
        public boolean holdsImages() {
            return true;
        }
    }

    /**
     * A folder of images, one sub-folder per class. Every image is resized to {@code size} when it is given,
     * otherwise all must share one size; {@code channels} is 1 (grey) or 3 (RGB).
     */
    record Images(Path dir, Optional<Size> size, int channels) implements DatasetSpec {
        public Images {
            if (channels != 1 && channels != 3) throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }

        /** Known before reading only when every image is resized to {@code size}. */
        @Override
        public Optional<ImageShape> image() {
            return size.map(s -> new ImageShape(s.height(), s.width(), channels));
        }

        @Override
        public boolean holdsImages() {
            return true;
        }
    }

    /** Height and width in pixels. */
    record Size(int height, int width) {
        public Size {
            if (height <= 0 || width <= 0) throw new IllegalArgumentException("size must be positive, got " + height + "x" + width);
        }
    }
}
