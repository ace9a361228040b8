package io.tune4j.dashboard.report;

import io.tune4j.search.importance.ParamImportance;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.TrialState;
import io.tune4j.store.query.HistoryPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn with XChart as PNG and carried inside the page as {@code data:} URIs, so the
 * file needs nothing but itself: no script, no font, no address to fetch.
 */
final class ReportCharts {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 380;

    private ReportCharts() {}

    /** Every completed trial's value by trial number, and the best so far as a line. */
    static String history(List<HistoryPoint> history, Direction direction, String metric) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).xAxisTitle("trial").yAxisTitle(metric).build();
        List<Double> numbers = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        Double bestSoFar = null;
        for (HistoryPoint point : history) {
            if (point.state() != TrialState.COMPLETE || point.value() == null) continue;
            numbers.add((double) point.number());
            values.add(point.value());
            bestSoFar = bestSoFar == null || direction.isBetter(point.value(), bestSoFar) ? point.value() : bestSoFar;
            best.add(bestSoFar);
        }
        if (numbers.isEmpty()) return null;
        XYSeries trials = chart.addSeries("trial value", numbers, values);
        trials.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        XYSeries line = chart.addSeries("best so far", numbers, best);
        line.setMarker(SeriesMarkers.NONE);
        return png(chart);
    }

    /** The params' importance as bars, most important first. */
    static String importance(List<ParamImportance.Entry> entries) {
        if (entries.isEmpty()) return null;
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).xAxisTitle("param")
                .yAxisTitle("importance").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.addSeries("importance", entries.stream().map(ParamImportance.Entry::param).toList(),
                entries.stream().map(ParamImportance.Entry::importance).toList());
        return png(chart);
    }

    /** The objective metric by epoch of each of the best trials. */
    static String curves(Map<Integer, List<double[]>> curves, String metric) {
        if (curves.values().stream().allMatch(List::isEmpty)) return null;
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).xAxisTitle("epoch").yAxisTitle(metric).build();
        for (Map.Entry<Integer, List<double[]>> curve : curves.entrySet()) {
            if (curve.getValue().isEmpty()) continue;
            chart.addSeries("trial " + curve.getKey(), curve.getValue().stream().map(p -> p[0]).toList(),
                    curve.getValue().stream().map(p -> p[1]).toList());
        }
        return png(chart);
    }

    private static String png(Chart<?, ?> chart) {
        try {
            return "data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw a chart", e);
        }
    }
}
