package io.tune4j.cli.bench;

import io.tune4j.search.benchmark.RegretSummary;
import io.tune4j.search.benchmark.SamplerRun;
import io.tune4j.search.benchmark.TestFunction;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/** What {@code bench samplers} leaves on disk: one CSV row per study, and a plot of median regret per trial. */
final class SamplerBenchFiles {
    static final String[] HEADER = {"function", "sampler", "seed", "trials", "best_value", "regret", "suggest_ms_mean"};
    /** A regret of 0 cannot be drawn on a log axis; values below this are drawn at it. */
    private static final double LOG_FLOOR = 1e-6;

    private SamplerBenchFiles() {}

    static void writeCsv(Path csv, List<SamplerRun> runs, List<TestFunction> functions) throws IOException {
        Map<String, TestFunction> byName = functions.stream()
                .collect(Collectors.toMap(TestFunction::name, Function.identity()));
        createParent(csv);
        try (Writer writer = Files.newBufferedWriter(csv);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADER).build())) {
            for (SamplerRun run : runs) {
                double regret = run.finalRegret();
                printer.printRecord(run.function(), run.sampler(), run.seed(), run.trials(),
                        number(regret + byName.get(run.function()).minimum()), number(regret),
                        String.format(Locale.ROOT, "%.3f", run.suggestMillis()));
            }
        }
    }

    /** One log-scale panel per function, one line per sampler; returns the PNG's path. */
    static Path writeChart(Path csv, List<RegretSummary> summaries) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> functions = summaries.stream().map(RegretSummary::function).distinct().toList();
        List<XYChart> charts = new ArrayList<>();
        for (String function : functions) {
            XYChart chart = new XYChartBuilder().width(520).height(380).title(function)
                    .xAxisTitle("trial").yAxisTitle("median regret").build();
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setMarkerSize(0);
            chart.getStyler().setXAxisTickMarkSpacingHint(90);
            for (RegretSummary summary : summaries) {
                if (!summary.function().equals(function)) continue;
                double[] x = IntStream.rangeClosed(1, summary.medianByTrial().length).asDoubleStream().toArray();
                double[] y = Arrays.stream(summary.medianByTrial()).map(v -> Math.max(v, LOG_FLOOR)).toArray();
                chart.addSeries(summary.sampler(), x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            }
            charts.add(chart);
        }
        Path png = csv.resolveSibling(csv.getFileName().toString().replaceFirst("\\.csv$", "") + ".png");
        createParent(png);
        ImageIO.write(grid(charts, 2), "png", png.toFile());
        return png;
    }

    /** The panels side by side, {@code columns} to a row (XChart's own grid needs a full last row). */
    private static BufferedImage grid(List<XYChart> charts, int columns) {
        int width = charts.get(0).getWidth();
        int height = charts.get(0).getHeight();
        int across = Math.min(columns, charts.size());
        int down = (charts.size() + across - 1) / across;
        BufferedImage image = new BufferedImage(width * across, height * down, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            graphics.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), (i % across) * width, (i / across) * height, null);
        }
        graphics.dispose();
        return image;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
    }
}
