package io.tune4j.dashboard.report;

import java.util.List;

/**
 * The report as one HTML page that works offline: styles inline, charts as {@code data:} PNGs, no script and no
 * external address. Written as well-formed XML (every element closed, only the five XML entities) so that any
 * XML parser reads it, and with a text alternative for each chart (the tables beside them hold the numbers).
 */
final class ReportHtml {
    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; max-width: 60rem;
                   margin: 0 auto; padding: 1rem; line-height: 1.45; }
            table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
            th, td { border: 1px solid #bbb; padding: 0.2rem 0.5rem; text-align: left; }
            th { background: #eef; }
            .scroll { overflow-x: auto; }
            pre { background: #f4f4f4; padding: 0.6rem; overflow-x: auto; }
            img { max-width: 100%; height: auto; }
            """;

    private ReportHtml() {}

    static String render(ReportData data, String exports) {
        String study = data.study().name();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<title>").append(escape("tune4j report: " + study)).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(escape("Study " + study)).append("</h1>\n");
        table(html, ReportTables.summary(data), false);
        String metric = data.study().definition().metric();
        if (data.hasBest()) {
            html.append("<h2>Best trial: ").append(data.best().number()).append(", ").append(escape(metric)).append(' ')
                    .append(ReportTables.number(data.best().value())).append("</h2>\n");
            table(html, ReportTables.bestParams(data), true);
        } else {
            html.append("<p>No trial has completed yet.</p>\n");
        }
        html.append("<h2>Leaderboard</h2>\n");
        table(html, ReportTables.leaderboard(data), true);
        html.append("<h2>Optimization history</h2>\n");
        chart(html, ReportCharts.history(data.history(), data.study().definition().direction(), metric),
                "Each completed trial's " + metric + " by trial number, with the best value so far as a line.");
        html.append("<h2>Param importance</h2>\n");
        if (data.importance().isEmpty()) {
            html.append("<p>Importance needs at least two completed trials.</p>\n");
        } else {
            html.append("<p>").append(escape("Random-forest mean decrease in impurity over " + data.importanceTrials()
                    + " completed trials.")).append("</p>\n");
            chart(html, ReportCharts.importance(data.importance()), "Bar chart of each param's importance, as in the table below.");
            table(html, ReportTables.importance(data), true);
        }
        html.append("<h2>Curves of the best trials</h2>\n");
        chart(html, ReportCharts.curves(data.curves(), metric),
                metric + " by epoch of trials " + data.curves().keySet() + ", the best " + data.curves().size() + ".");
        html.append("<h2>Using the best trial</h2>\n");
        pre(html, BundleUsage.commands(study, exports));
        html.append("<p>In Java, with tune4j on the classpath (the bundle carries its preprocessing, so rows go in raw):</p>\n");
        pre(html, BundleUsage.java(exports));
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder html, ReportTables.Table table, boolean withHeader) {
        // Focusable, so that a keyboard can scroll a wide table (axe: scrollable-region-focusable).
        html.append("<div class=\"scroll\" tabindex=\"0\"><table>\n");
        if (withHeader) {
            html.append("<thead><tr>");
            for (String cell : table.header()) html.append("<th scope=\"col\">").append(escape(cell)).append("</th>");
            html.append("</tr></thead>\n");
        }
        html.append("<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                // A table without a header row names each row by its first cell.
                String tag = !withHeader && i == 0 ? "th scope=\"row\"" : "td";
                html.append('<').append(tag).append('>').append(escape(row.get(i))).append("</")
                        .append(tag.split(" ")[0]).append('>');
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private static void chart(StringBuilder html, String png, String description) {
        if (png == null) {
            html.append("<p>Nothing to draw yet.</p>\n");
            return;
        }
        html.append("<img src=\"").append(png).append("\" alt=\"").append(escape(description)).append("\" />\n");
    }

    private static void pre(StringBuilder html, List<String> lines) {
        html.append("<pre tabindex=\"0\"><code>").append(escape(String.join("\n", lines))).append("</code></pre>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
