package io.tune4j.trainer.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The cluster secret of the tests' studies and workers, and a file holding it for worker JVMs. */
public final class TestSecret {
    public static final String TEXT = "5d1f0c0a9e3b7f2c6a4d8e1b0f9c3a7e2d6b5c4f8a1e0d9c7b3a2f6e5d4c1b0a";
    public static final ClusterSecret SECRET = ClusterSecret.parse(TEXT);

    private TestSecret() {}

    /** Writes the secret to {@code file}, as a study's results folder holds it. */
    public static Path writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, TEXT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
