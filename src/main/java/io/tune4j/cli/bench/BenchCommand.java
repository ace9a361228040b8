package io.tune4j.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tune4j bench ...}: measurements that ship with the product, so users can repeat on their machines
 * the figures the README gives. Each subcommand prints a table and writes a CSV.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure samplers, pruners, the trainer pool, training speed or the dashboard on this machine.",
        subcommands = {SamplerBenchCommand.class, SuggestLatencyCommand.class, PrunerBenchCommand.class,
                PoolBenchCommand.class, CrashBenchCommand.class, DashboardBenchCommand.class, TrainBenchCommand.class,
                TablesBenchCommand.class,
                CommandLine.HelpCommand.class})
public final class BenchCommand {
}
