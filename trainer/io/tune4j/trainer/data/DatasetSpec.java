package io.tune4j.trainer.data;

import java.nio.file.Path;
import java.util.Optional;

/** Where a study's examples come from, as declared under {@code dataset:} in a space file. */
public sealed interface DatasetSpec {

    /** The shape of each row when the rows are images, known from the declaration alone (no data read). */
    default Optional<ImageShape> image() {
        return Optional.empty();
    }

    /** A dataset shipped inside tune4j: iris, digits, wine or breast-cancer. */
    record BuiltIn(String name) implements DatasetSpec {
        @Override
        public Optional<ImageShape> image() {
            return BuiltInDataset.named(name).image();
        }
    }

    /**
     * A CSV table: a user's file or a built-in table. {@code columns} says which columns are the label and the
     * features and how text and missing cells are taken; the label is "last", "first", a 0-based column index or a
     * header name. {@code header} null means "detect: a first row with a non-numeric feature cell is a header".
     */
    record Csv(CsvFile file, TableColumns columns, Boolean header) implements DatasetSpec {
        /** A user's file with only its label declared. */
        public Csv(Path path, String label, Boolean header) {
            this(CsvFile.at(path), TableColumns.labelled(label), header);
        }
    }

    /** A folder holding the four idx files of MNIST or Fashion-MNIST (plain or .gz). */
    record Idx(String kind, Path dir) implements DatasetSpec {
        /** Both MNIST and Fashion-MNIST are 28x28 grey images. */
        @Override
        public Optional<ImageShape> image() {
            return Optional.of(new ImageShape(28, 28, 1));
        }
    }

    /**
     * A folder of images, one sub-folder per class, read as {@code size} images of {@code channels} (1 grey,
     * 3 RGB). With {@code resize}, images of any size are resized to it; without, {@code size} is the size of
     * the first image and every other must match it.
     */
    record Images(Path dir, Size size, boolean resize, int channels) implements DatasetSpec {
        public Images {
            if (channels != 1 && channels != 3) throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }

        /** Every image resized to {@code size}. */
        public static Images resizedTo(Path dir, Size size, int channels) {
            return new Images(dir, size, true, channels);
        }

        /**
         * Images as they are, all of the size of the first one; that one is decoded now, so the shape is known
         * before a study starts (a network's layers are checked against it).
         */
        public static Images asFound(Path dir, int channels) {
            return new Images(dir, ImageFolderDataset.firstImageSize(dir), false, channels);
        }

        @Override
        public Optional<ImageShape> image() {
            return Optional.of(new ImageShape(size.height(), size.width(), channels));
        }
    }

    /** Height and width in pixels. */
    record Size(int height, int width) {
        public Size {
            if (height <= 0 || width <= 0) throw new IllegalArgumentException("size must be positive, got " + height + "x" + width);
        }

        @Override
        public String toString() {
            return height + "x" + width;
        }
    }
}
