package io.tune4j.cli.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/** The four idx files of MNIST and of Fashion-MNIST, each plain or gzipped (the dataset readers take both). */
final class IdxFiles {
    static final List<String> NAMES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private IdxFiles() {}

    /** Whether {@code dir} holds all four. */
    static boolean complete(Path dir) {
        return NAMES.stream().allMatch(name -> find(dir, name).isPresent());
    }

    /**
     * Copies the four files of {@code from} into {@code to}. Each is copied under a temporary name and then
     * renamed, so an interrupted copy never leaves a folder that looks complete.
     */
    static void install(Path from, Path to) {
        try {
            Files.createDirectories(to);
            for (String name : NAMES) {
                Path file = find(from, name).orElseThrow(() ->
                        new IOException(from + " has no " + name + " (nor " + name + ".gz)"));
                Path part = to.resolve(file.getFileName() + ".part");
                Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, to.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the idx files into " + to + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Path> find(Path dir, String name) {
        return List.of(dir.resolve(name), dir.resolve(name + ".gz")).stream().filter(Files::isRegularFile).findFirst();
    }
}
