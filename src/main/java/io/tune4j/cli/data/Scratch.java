package io.tune4j.cli.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;

/**
 * A temporary folder outside the project (for a download and its unpacking, or a re-run's models), deleted with
 * all it holds.
 */
public final class Scratch implements AutoCloseable {
    private final Path dir;

    Scratch() {
        this("tune4j-data-");
    }

    /** @param prefix of the folder's name, saying what it is for */
    public Scratch(String prefix) {
        try {
            dir = Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        try {
            FileUtils.deleteDirectory(dir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
