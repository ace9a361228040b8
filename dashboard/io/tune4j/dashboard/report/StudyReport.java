package io.tune4j.dashboard.report;

import io.tune4j.search.study.StudyRecord;
import io.tune4j.store.OwnerOnly;
import io.tune4j.store.query.StudyQueries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A study's report: one self-contained HTML page (leaderboard, history, importance, the best trials' curves, the
 * best params and how to use them) and a Markdown summary beside it ({@code report.html} and {@code report.md}).
 */
public final class StudyReport {
    private StudyReport() {}

    /** Where the summary goes beside {@code page}: the same name ending in .md. */
    public static Path summaryOf(Path page) {
        String name = page.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return page.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".md");
    }

    /**
     * Renders both files in memory, then writes them; when the page cannot be written nothing is, and when the
     * summary cannot, the page is removed again.
     *
     * @param exports the study's export folder as the user reaches it, for the page's instructions
     * @throws IOException naming what could not be written
     */
    public static void write(StudyQueries queries, StudyRecord study, Path page, Path exports) throws IOException {
        ReportData data = ReportData.read(queries, study);
        Path summary = summaryOf(page);
        String html = ReportHtml.render(data, exports.toString());
        String markdown = ReportMarkdown.render(data, page.getFileName().toString(), exports.toString());
        Path folder = page.toAbsolutePath().getParent();
        boolean madeFolder = !Files.isDirectory(folder);
        Files.createDirectories(folder);
        try {
            Files.writeString(page, html, StandardCharsets.UTF_8);
            Files.writeString(summary, markdown, StandardCharsets.UTF_8);
            // What a study found stays its owner's, as the results folder does; sharing a copy is a choice.
            OwnerOnly.file(page);
            OwnerOnly.file(summary);
        } catch (IOException e) {
            Files.deleteIfExists(page);
            if (madeFolder) Files.deleteIfExists(folder);
            throw e;
        }
    }
}
