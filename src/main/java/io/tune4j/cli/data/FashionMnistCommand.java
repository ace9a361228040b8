package io.tune4j.cli.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Fashion-MNIST from Debian's {@code dataset-fashion-mnist}: copied from where the installed package keeps it,
 * or, when it is not installed, from the package file, which {@code apt-get download} fetches without root
 * and {@code dpkg-deb -x} unpacks into a temporary folder.
 */
@Command(name = "fashion-mnist", mixinStandardHelpOptions = true,
        description = "Copy Fashion-MNIST's four idx files from Debian's " + FashionMnistCommand.PACKAGE
                + " (installed, or fetched with apt-get download) into DIR.")
final class FashionMnistCommand implements Callable<Integer> {
    static final String PACKAGE = "dataset-fashion-mnist";
    private static final Path INSTALLED = Path.of("/usr/share/datasets/fashion-mnist");

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "data/fashion-mnist",
            description = "Where the files go (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (IdxFiles.complete(dir)) {
            spec.commandLine().getOut().println("Fashion-MNIST is already in " + dir);
            return 0;
        }
        if (IdxFiles.complete(INSTALLED)) {
            IdxFiles.install(INSTALLED, dir);
            spec.commandLine().getOut().println("Fashion-MNIST (copied from " + INSTALLED + ") is in " + dir);
            return 0;
        }
        try (Scratch scratch = new Scratch()) {
            Tool.run(scratch.dir(), "apt-get", "download", PACKAGE);
            Tool.run(scratch.dir(), "dpkg-deb", "-x", debFile(scratch.dir()).toString(), "unpacked");
            IdxFiles.install(scratch.dir().resolve("unpacked").resolve(Path.of("/").relativize(INSTALLED)), dir);
        }
        spec.commandLine().getOut().println("Fashion-MNIST (Debian " + PACKAGE + ") is in " + dir);
        return 0;
    }

    private static Path debFile(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new IOException("apt-get download left no .deb file"));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
