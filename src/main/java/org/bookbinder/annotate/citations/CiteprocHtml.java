package org.bookbinder.annotate.citations;

import org.bookbinder.render.Markup;
import org.jsoup.nodes.Element;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns citeproc-java's HTML (entities, inline {@code style} attributes, {@code div}s for display groups) into
 * XHTML fit for a chapter: italics become {@code <i>}, bold {@code <b>}, small capitals and other styles a
 * {@code <span>} with a class, display groups inline {@code <span>}s with citeproc's own {@code csl-…} classes.
 * Each distinct string is cleaned once (jsoup is the costly part). Not thread-safe: one per formatter.
 */
final class CiteprocHtml {
    private final Map<String, String> cleaned = new HashMap<>();
    private final boolean keepLinks;

    /** @param keepLinks whether links (URLs, DOIs) stay links: in the bibliography, not inside a citation's own link */
    CiteprocHtml(boolean keepLinks) {
        this.keepLinks = keepLinks;
    }

    String clean(String html) {
        return cleaned.computeIfAbsent(html, this::convert);
    }

    private String convert(String html) {
        Element body = Markup.parseFragment(html.strip());
        for (Element span : body.select("span[style]")) {
            String style = span.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
            span.removeAttr("style");
            if (style.contains("font-style:italic") || style.contains("font-style:oblique")) {
                span.tagName("i");
            } else if (style.contains("font-weight:bold")) {
                span.tagName("b");
            } else if (style.contains("font-variant:small-caps")) {
                span.addClass("small-caps");
            } else if (style.contains("text-decoration:underline")) {
                span.addClass("underline");
            } else if (style.contains("font-weight:100") || style.contains("font-weight:normal")) {
                span.addClass("normal-weight");
            } else if (style.contains("font-style:normal")) {
                span.addClass("normal-style");
            } else {
                span.unwrap();
            }
        }
        for (Element div : body.select("div")) {
            div.tagName("span");
        }
        if (!keepLinks) {
            for (Element a : body.select("a")) {
                a.unwrap();
            }
        }
        return Markup.xhtml(body);
    }
}
