package io.tune4j.dashboard.notes;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A note's Markdown as HTML the page may insert as it is: raw HTML in the note is escaped and link targets
 * other than http(s), mailto and relative ones are dropped, so a note can neither run script nor link to it.
 */
public final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {}

    public static String html(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }
}
