package io.tune4j.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The {@code images:} dataset: a folder of images with one sub-folder per class, read with javax.imageio. */
class ImageFolderDatasetTest {
    private static final int RED = 0xFF0000;
    private static final int GREEN = 0x00FF00;

    @TempDir
    Path dir;

    @Test
    void classesAreTheSortedSubFolderNamesAndEveryClassIsInEveryPart() {
        ImageFolders.greyClasses(dir, 4, 5, 10, "zebra", "ant", "cat");
        DatasetSplits splits = DatasetLoader.load(new DataConfig(
                new DatasetSpec.Images(dir, Optional.empty(), 1), 0.2, 0.2, 1));
        assertEquals(List.of("ant", "cat", "zebra"), splits.classNames());
        assertEquals(Optional.of(new ImageShape(4, 5, 1)), splits.image());
        assertEquals(20, splits.inputs());
        assertEquals(30, splits.train().numExamples() + splits.validation().numExamples() + splits.test().numExamples());
        for (var part : List.of(splits.train(), splits.validation(), splits.test())) {
            INDArray perClass = part.getLabels().sum(0);
            for (int c = 0; c < 3; c++) assertTrue(perClass.getDouble(c) > 0, "class " + c);
        }
    }

    @Test
    void rgbRowsAreChannelByChannelThenRowByRow() {
        ImageFolders.write(ImageFolders.rgb(2, 3, 0x000000, 1, 2, RED), dir.resolve("a/red.png"));
        ImageFolders.write(ImageFolders.rgb(2, 3, 0x000000, 0, 1, GREEN), dir.resolve("b/green.bmp"));
        LabeledTable table = new ImageFolderDataset(new DatasetSpec.Images(dir, Optional.empty(), 3)).read();
        float[] red = new float[18];
        red[1 * 3 + 2] = 1f; // channel 0 (red), row 1, column 2
        float[] green = new float[18];
        green[6 + 0 * 3 + 1] = 1f; // channel 1 (green), row 0, column 1
        assertArrayEquals(red, table.features()[0], 1e-6f);
        assertArrayEquals(green, table.features()[1], 1e-6f);
        assertArrayEquals(new int[] {0, 1}, table.labels());
    }

    @Test
    void greyIsTheLumaOfColourAndGreyFilesKeepTheirValues() {
        ImageFolders.write(ImageFolders.rgb(1, 2, GREEN, 0, 0, 0xFFFFFF), dir.resolve("colour/one.png"));
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 100);
        ImageFolders.write(grey, dir.resolve("grey/one.png"));
        LabeledTable table = new ImageFolderDataset(new DatasetSpec.Images(dir, Optional.empty(), 1)).read();
        assertArrayEquals(new float[] {1f, 0.587f}, table.features()[0], 0.002f);
        assertArrayEquals(new float[] {100 / 255f, 0f}, table.features()[1], 1e-6f);
    }

    @Test
    void sizeResizesImagesOfAnySize() {
        ImageFolders.write(ImageFolders.rgb(8, 12, 0xFFFFFF, 0, 0, 0xFFFFFF), dir.resolve("big/a.png"));
        ImageFolders.write(ImageFolders.rgb(3, 5, 0xFFFFFF, 0, 0, 0xFFFFFF), dir.resolve("small/a.jpg"));
        LabeledTable table = new ImageFolderDataset(
                new DatasetSpec.Images(dir, Optional.of(new DatasetSpec.Size(4, 6)), 1)).read();
        assertEquals(Optional.of(new ImageShape(4, 6, 1)), table.image());
        for (float[] row : table.features()) {
            assertEquals(24, row.length);
            for (float value : row) assertEquals(1f, value, 0.02f, "white stays white when resized");
        }
    }

    @Test
    void filesThatAreNotImagesByNameAreSkipped() throws IOException {
        ImageFolders.greyClasses(dir, 2, 2, 2, "a", "b");
        Files.writeString(dir.resolve("a/notes.txt"), "not an image");
        Files.writeString(dir.resolve("a/.hidden.png"), "junk");
        Files.writeString(dir.resolve("README"), "a file beside the class folders");
        assertEquals(4, new ImageFolderDataset(new DatasetSpec.Images(dir, Optional.empty(), 1)).read().rows());
    }

    @Test
    void mistakesNameTheFolderOrFile() throws IOException {
        Path missing = dir.resolve("nope");
        assertMessage(missing, "image folder not found: " + missing);

        Path flat = Files.createDirectories(dir.resolve("flat"));
        ImageFolders.write(ImageFolders.rgb(2, 2, 0, 0, 0, 0), flat.resolve("x.png"));
        assertMessage(flat, flat + ": no class sub-folders");

        Path single = ImageFolders.greyClasses(dir.resolve("single"), 2, 2, 2, "only");
        assertMessage(single, single + ": one class sub-folder (only); classification needs at least 2");

        Path empty = ImageFolders.greyClasses(dir.resolve("empty"), 2, 2, 2, "a");
        Files.writeString(Files.createDirectories(empty.resolve("b")).resolve("notes.txt"), "no images here");
        assertMessage(empty, empty.resolve("b") + ": no images (png, jpg, jpeg, gif, bmp)");

        Path mixed = ImageFolders.greyClasses(dir.resolve("mixed"), 4, 4, 2, "a", "b");
        ImageFolders.write(ImageFolders.rgb(4, 5, 0, 0, 0, 0), mixed.resolve("b/wide.png"));
        assertMessage(mixed, mixed.resolve("b/wide.png") + ": 4x5 where " + mixed.resolve("a/img0.png")
                + " is 4x4; images must share one size, or declare size: [height, width] to resize them");

        Path corrupt = ImageFolders.greyClasses(dir.resolve("corrupt"), 2, 2, 2, "a", "b");
        Files.write(corrupt.resolve("b/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        assertMessage(corrupt, corrupt.resolve("b/broken.png") + ": ");
    }

    private static void assertMessage(Path folder, String expected) {
        DatasetException e = assertThrows(DatasetException.class, () ->
                DatasetLoader.load(new DataConfig(new DatasetSpec.Images(folder, Optional.empty(), 1), 0.2, 0.2, 1)));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
