package io.tune4j.cli.bench;

import com.github.freva.asciitable.AsciiTable;
import io.tune4j.search.benchmark.RegretSummary;
import java.util.List;
import java.util.Locale;

/** The console summary of {@code bench samplers}: median regret, its interquartile range, suggestion time. */
final class SamplerBenchTable {
    private SamplerBenchTable() {}

    static String render(List<RegretSummary> summaries, int trials) {
        String[] header = {"function", "sampler", "seeds", "median regret @" + trials, "IQR (q1 - q3)", "suggest ms"};
        String[][] rows = summaries.stream().map(s -> new String[] {
                s.function(), s.sampler(), String.valueOf(s.seeds()), number(s.median()),
                number(s.lowerQuartile()) + " - " + number(s.upperQuartile()),
                String.format(Locale.ROOT, "%.2f", s.suggestMillis())}).toArray(String[][]::new);
        return AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, header, null, rows);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
