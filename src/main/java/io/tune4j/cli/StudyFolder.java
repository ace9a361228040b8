package io.tune4j.cli;

import io.tune4j.store.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;

/**
 * A study's folder under the results folder (kept models, exports): it goes wherever the study goes, so a
 * renamed study keeps its models and a deleted one leaves nothing behind.
 */
final class StudyFolder {
    private StudyFolder() {}

    static void move(Path from, Path to) {
        if (Files.exists(from)) io(() -> FileUtils.moveDirectory(from.toFile(), to.toFile()));
    }

    /** The copy is the owner's only, as everything under results/ (copyDirectory creates by the umask). */
    static void copy(Path from, Path to) {
        if (!Files.exists(from)) return;
        io(() -> {
            FileUtils.copyDirectory(from.toFile(), to.toFile());
            try (Stream<Path> copied = Files.walk(to)) {
                copied.forEach(path -> {
                    if (Files.isDirectory(path)) OwnerOnly.folder(path);
                    else OwnerOnly.file(path);
                });
            }
        });
    }

    static void delete(Path folder) {
        if (Files.exists(folder)) io(() -> FileUtils.deleteDirectory(folder.toFile()));
    }

    /** Refuses a target that exists: the study's files would mix with whatever is there. */
    static void requireFree(Path folder) {
        if (Files.exists(folder)) throw new UserError(folder + " exists already; move it away first");
    }

    private interface FileWork {
        void run() throws IOException;
    }

    private static void io(FileWork work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
