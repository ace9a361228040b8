package io.tune4j.cli.terminal;

/** How values look in a table cell: four significant digits, small learning rates in scientific notation. */
final class Cells {
    private Cells() {}

    static String number(Double value) {
        if (value == null) return "";
        double v = value;
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) return String.format("%.3e", v);
        return String.format("%.4f", v);
    }

    static String numberText(String text) {
        return text == null ? "" : number(Double.parseDouble(text));
    }

    static String param(Object value) {
        if (value == null) return "-";
        return value instanceof Double d ? number(d) : String.valueOf(value);
    }
}
