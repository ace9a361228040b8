package io.tune4j.trainer.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * MNIST and Fashion-MNIST from a folder of idx files (plain or .gz), read directly: DL4J's own iterators
 * check MNIST's checksums (so they refuse Fashion-MNIST) and try to download what is missing.
 */
final class IdxDataset {
    private static final int IMAGES_MAGIC = 2051;
    private static final int LABELS_MAGIC = 2049;
    private static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final List<String> DIGIT_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private final DatasetSpec.Idx spec;

    IdxDataset(DatasetSpec.Idx spec) {
        if (!spec.kind().equals("mnist") && !spec.kind().equals("fashion-mnist")) {
            throw new DatasetException("unknown idx dataset kind '" + spec.kind() + "'; known: mnist, fashion-mnist");
        }
        this.spec = spec;
    }

    LabeledTable train() {
        return read("train");
    }

    LabeledTable test() {
        return read("t10k");
    }

    private LabeledTable read(String part) {
        Images images = images(file(part + "-images-idx3-ubyte"));
        int[] labels = labels(file(part + "-labels-idx1-ubyte"));
        if (images.pixels().length != labels.length) {
            throw new DatasetException(spec.dir() + ": " + images.pixels().length + " " + part + " images but "
                    + labels.length + " labels");
        }
        return new LabeledTable(images.pixels(), labels,
                spec.kind().equals("mnist") ? DIGIT_CLASSES : FASHION_CLASSES, Optional.of(images.shape()));
    }

    /** Grey images, one row each; the shape comes from the file's header. */
    private record Images(float[][] pixels, ImageShape shape) {}

    private Path file(String name) {
        for (String candidate : new String[] {name, name + ".gz"}) {
            Path path = spec.dir().resolve(candidate);
            if (Files.isRegularFile(path)) return path;
        }
        throw new DatasetException("idx file not found: " + spec.dir().resolve(name) + " (or .gz)");
    }

    private static Images images(Path file) {
        try (DataInputStream in = open(file)) {
            expectMagic(file, in.readInt(), IMAGES_MAGIC);
            int count = in.readInt();
            int rows = in.readInt();
            int columns = in.readInt();
            if (rows <= 0 || columns <= 0) throw new DatasetException(file + ": idx image size " + rows + "x" + columns);
            ImageShape shape = new ImageShape(rows, columns, 1);
            int pixels = shape.pixels();
            byte[] raw = new byte[pixels];
            float[][] images = new float[count][pixels];
            for (int i = 0; i < count; i++) {
                in.readFully(raw);
                // Pixels are 0..255; [0, 1] keeps the standardization that follows well conditioned.
                for (int p = 0; p < pixels; p++) images[i][p] = (raw[p] & 0xFF) / 255f;
            }
            return new Images(images, shape);
        } catch (IOException e) {
            throw new DatasetException(file + ": not a readable idx image file (" + e.getMessage() + ")", e);
        }
    }

    private static int[] labels(Path file) {
        try (DataInputStream in = open(file)) {
            expectMagic(file, in.readInt(), LABELS_MAGIC);
            int[] labels = new int[in.readInt()];
            for (int i = 0; i < labels.length; i++) labels[i] = in.readUnsignedByte();
            return labels;
        } catch (IOException e) {
            throw new DatasetException(file + ": not a readable idx label file (" + e.getMessage() + ")", e);
        }
    }

    private static void expectMagic(Path file, int found, int expected) {
        if (found != expected) {
            throw new DatasetException(file + ": idx magic number " + found + ", expected " + expected);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in);
        return new DataInputStream(in);
    }
}
