package io.tune4j.cli.bench;

import com.github.freva.asciitable.AsciiTable;
import io.tune4j.search.benchmark.SuggestLatency;
import io.tune4j.search.sampler.SamplerFactory;
import io.tune4j.search.spec.SearchSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tune4j bench suggest}: the time one suggestion takes after a long history. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = "Time one suggestion of each sampler after a history of finished trials.")
final class SuggestLatencyCommand implements Callable<Integer> {

    @Option(names = "--samplers", split = ",", defaultValue = "tpe,gp",
            description = "Samplers to time. Default: ${DEFAULT-VALUE}.")
    List<String> samplers;

    @Option(names = "--history", split = ",", defaultValue = "200",
            description = "Finished trials before the timed suggestions. Default: ${DEFAULT-VALUE}.")
    List<Integer> histories;

    @Option(names = "--dimensions", defaultValue = "10", description = "Parameters in the space. Default: ${DEFAULT-VALUE}.")
    int dimensions;

    @Option(names = "--repeats", defaultValue = "20", description = "Timed suggestions per cell. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String name : samplers) {
            if (!SearchSettings.SAMPLERS.contains(name)) {
                throw new ParameterException(spec.commandLine(), "--samplers: unknown sampler '" + name
                        + "'; known: " + String.join(", ", SearchSettings.SAMPLERS));
            }
        }
        if (dimensions < 1 || repeats < 1 || histories.stream().anyMatch(h -> h < 1)) {
            throw new ParameterException(spec.commandLine(), "--dimensions, --repeats and --history must be at least 1");
        }
        List<String[]> rows = new ArrayList<>();
        for (String name : samplers) {
            for (int history : histories) {
                double[] millis = SuggestLatency.measure(
                        SamplerFactory.create(new SearchSettings(name, 1, 42, null, 5)), dimensions, history, repeats);
                double mean = java.util.Arrays.stream(millis).average().orElse(0);
                rows.add(new String[] {name, String.valueOf(history), String.valueOf(dimensions), ms(mean),
                        ms(millis[millis.length / 2]), ms(millis[(int) Math.ceil(0.9 * millis.length) - 1])});
            }
        }
        String[] header = {"sampler", "history", "dimensions", "mean ms", "median ms", "p90 ms"};
        spec.commandLine().getOut().println(AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, header,
                null, rows.toArray(String[][]::new)));
        return 0;
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
