package io.tune4j.dashboard.report;

import java.util.List;

/** The report's summary in Markdown: the same tables as the page (without charts), for a README or a pull request. */
final class ReportMarkdown {
    private ReportMarkdown() {}

    static String render(ReportData data, String pageName, String exports) {
        String study = data.study().name();
        StringBuilder md = new StringBuilder("# Study ").append(study).append("\n\n");
        md.append("Charts (history, importance, curves) are in ").append(pageName).append(".\n\n");
        for (List<String> row : ReportTables.summary(data).rows()) md.append("- **").append(row.get(0)).append("**: ").append(row.get(1)).append('\n');
        md.append('\n');
        if (data.hasBest()) {
            md.append("## Best trial: ").append(data.best().number()).append(", ").append(data.study().definition().metric())
                    .append(' ').append(ReportTables.number(data.best().value())).append("\n\n");
            ReportTables.Table params = ReportTables.bestParams(data);
            table(md, params.rows(), params.header());
        }
        ReportTables.Table leaderboard = ReportTables.leaderboard(data);
        md.append("## Leaderboard\n\n");
        table(md, leaderboard.rows(), leaderboard.header());
        if (!data.importance().isEmpty()) {
            md.append("## Param importance\n\n");
            ReportTables.Table importance = ReportTables.importance(data);
            table(md, importance.rows(), importance.header());
        }
        md.append("## Using the best trial\n\n```\n").append(String.join("\n", BundleUsage.commands(study, exports)))
                .append("\n```\n\n```java\n").append(String.join("\n", BundleUsage.java(exports))).append("\n```\n");
        return md.toString();
    }

    private static void table(StringBuilder md, List<List<String>> rows, List<String> header) {
        if (rows.isEmpty()) {
            md.append("(none)\n\n");
            return;
        }
        row(md, header);
        row(md, header.stream().map(cell -> "---").toList());
        for (List<String> row : rows) row(md, row);
        md.append('\n');
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append('|');
        for (String cell : cells) md.append(' ').append(cell.replace("|", "\\|")).append(" |");
        md.append('\n');
    }
}
