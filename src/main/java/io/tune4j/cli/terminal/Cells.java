package io.tune4j.cli.terminal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How values look in a table cell or a progress line: four decimals, very small or large values in scientific
 * notation; always with a leading zero and a decimal point, whatever the user's locale.
 */
final class Cells {
    private Cells() {}

    static String number(Double value) {
        if (value == null) return "";
        double v = value;
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) return String.format(Locale.ROOT, "%.3e", v);
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String numberText(String text) {
        return text == null ? "" : number(Double.parseDouble(text));
    }

    static String param(Object value) {
        if (value == null) return "-";
        return value instanceof Double d ? number(d) : String.valueOf(value);
    }

    /** Every param as {@code name=value}, in the order given, on one line. */
    static String params(Map<String, Object> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + param(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    /** Seconds with one decimal from {@code from} to {@code to}; empty when either is unknown. */
    static String seconds(Instant from, Instant to) {
        if (from == null || to == null) return "";
        return String.format(Locale.ROOT, "%.1f", Duration.between(from, to).toMillis() / 1000.0);
    }

    /** A clock reading of {@code duration}: 0:04:07. */
    static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
