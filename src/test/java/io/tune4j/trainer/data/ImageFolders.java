package io.tune4j.trainer.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes small image folders (one sub-folder per class) for tests, with the JDK's own encoders. */
public final class ImageFolders {
    private ImageFolders() {}

    /**
     * {@code perClass} grey images of {@code height x width} in each class folder; class k's images are lit on
     * row k mod height (distinct enough for a tiny network to learn), and a little noise tells images apart.
     */
    public static Path greyClasses(Path dir, int height, int width, int perClass, String... classes) {
        for (int k = 0; k < classes.length; k++) {
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
                for (int x = 0; x < width; x++) {
                    image.getRaster().setSample(x, k % height, 0, 200 + (i * 7 + x) % 50);
                }
                write(image, dir.resolve(classes[k]).resolve("img" + i + ".png"));
            }
        }
        return dir;
    }

    /** An RGB image of one colour, except {@code spot} (0xRRGGBB) at row y, column x. */
    public static BufferedImage rgb(int height, int width, int background, int y, int x, int spot) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) image.setRGB(column, row, background);
        }
        image.setRGB(x, y, spot);
        return image;
    }

    /** Writes {@code image} in the format its file name ends with (png, bmp, gif, jpg). */
    public static Path write(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            String name = file.getFileName().toString();
            if (!ImageIO.write(image, name.substring(name.lastIndexOf('.') + 1), file.toFile())) {
                throw new IllegalArgumentException("no writer for " + file);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
