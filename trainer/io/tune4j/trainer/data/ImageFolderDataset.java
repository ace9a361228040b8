package io.tune4j.trainer.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A folder of images with one sub-folder per class, read with the JDK's {@code javax.imageio} (PNG, JPEG, GIF,
 * BMP), so no OpenCV comes in. Classes are the sub-folder names in sorted order; files that are not images by
 * their extension (notes, hidden files) are skipped. Every problem names the folder or file to fix.
 */
final class ImageFolderDataset {
    static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "gif", "bmp");

    private final DatasetSpec.Images spec;

    ImageFolderDataset(DatasetSpec.Images spec) {
        this.spec = spec;
    }

    LabeledTable read() {
        List<Path> classDirs = classDirs();
        List<String> classNames = classDirs.stream().map(dir -> dir.getFileName().toString()).toList();
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        DatasetSpec.Size size = spec.size().orElse(null);
        Path sizedBy = null;
        for (int label = 0; label < classDirs.size(); label++) {
            for (Path file : imageFiles(classDirs.get(label))) {
                BufferedImage image = decode(file);
                DatasetSpec.Size own = new DatasetSpec.Size(image.getHeight(), image.getWidth());
                if (size == null) {
                    size = own;
                    sizedBy = file;
                } else if (spec.size().isEmpty() && !own.equals(size)) {
                    throw new DatasetException(file + ": " + text(own) + " where " + sizedBy + " is " + text(size)
                            + "; images must share one size, or declare size: [height, width] to resize them");
                }
                rows.add(pixels(image, size));
                labels.add(label);
            }
        }
        ImageShape shape = new ImageShape(size.height(), size.width(), spec.channels());
        return new LabeledTable(rows.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                classNames, Optional.of(shape));
    }

    private List<Path> classDirs() {
        if (!Files.isDirectory(spec.dir())) throw new DatasetException("image folder not found: " + spec.dir());
        List<Path> dirs = list(spec.dir()).filter(Files::isDirectory).toList();
        if (dirs.isEmpty()) {
            throw new DatasetException(spec.dir() + ": no class sub-folders; put each class's images in a sub-folder "
                    + "named after the class");
        }
        if (dirs.size() < 2) {
            throw new DatasetException(spec.dir() + ": one class sub-folder (" + dirs.get(0).getFileName()
                    + "); classification needs at least 2");
        }
        return dirs;
    }

    private static List<Path> imageFiles(Path classDir) {
        List<Path> files = list(classDir).filter(Files::isRegularFile).filter(ImageFolderDataset::hasImageExtension)
                .toList();
        if (files.isEmpty()) {
            throw new DatasetException(classDir + ": no images (" + String.join(", ", EXTENSIONS) + ")");
        }
        return files;
    }

    /** The visible entries of a folder, sorted by name so every run reads them in the same order. */
    private static Stream<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(path -> !path.getFileName().toString().startsWith(".")).sorted().toList().stream();
        } catch (IOException e) {
            throw new DatasetException(dir + ": cannot list the folder: " + e.getMessage(), e);
        }
    }

    private static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString();
        return EXTENSIONS.contains(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    }

    private static BufferedImage decode(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) throw new DatasetException(file + ": not an image javax.imageio can read");
            return image;
        } catch (IOException e) {
            throw new DatasetException(file + ": unreadable image (" + e.getMessage() + ")", e);
        }
    }

    /**
     * One row, channel by channel, values in [0, 1]. Drawing onto an RGB canvas resizes (bilinear) and turns
     * every colour model into plain RGB (grey PNGs keep their values; transparent parts become black). Grey is
     * the luma of ITU-R BT.601, as most image libraries compute it.
     */
    private float[] pixels(BufferedImage image, DatasetSpec.Size size) {
        BufferedImage canvas = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = canvas.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, size.width(), size.height(), null);
        graphics.dispose();
        int[] rgb = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        int area = rgb.length;
        float[] row = new float[area * spec.channels()];
        for (int p = 0; p < area; p++) {
            int red = (rgb[p] >> 16) & 0xFF;
            int green = (rgb[p] >> 8) & 0xFF;
            int blue = rgb[p] & 0xFF;
            if (spec.channels() == 1) {
                row[p] = (0.299f * red + 0.587f * green + 0.114f * blue) / 255f;
            } else {
                row[p] = red / 255f;
                row[area + p] = green / 255f;
                row[2 * area + p] = blue / 255f;
            }
        }
        return row;
    }

    private static String text(DatasetSpec.Size size) {
        return size.height() + "x" + size.width();
    }
}
