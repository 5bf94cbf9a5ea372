package org.bookbinder.annotate.citations;

import org.bookbinder.render.Markup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns citeproc-java's HTML (entities, inline {@code style} attributes, {@code div}s for display groups) into
 * XHTML fit for a chapter: italics become {@code <i>}, bold {@code <b>}, small capitals and other styles a
 * {@code <span>} with a class, display groups inline {@code <span>}s with citeproc's own {@code csl-…} classes.
 * Each distinct string is cleaned once (jsoup is the costly part), and a citation of plain text and italics, most
 * of them, without jsoup. Not thread-safe: one per formatter.
 */
final class CiteprocHtml {
    private static final String ITALIC = "<span style=\"font-style: italic\">";
    private static final String END = "</span>";
    /** Text with no markup, quote or control character (entities it may have). */
    private static final Pattern PLAIN = Pattern.compile("[^<>\"'\\x00-\\x1F\\x7F-\\x9F]*");
    private final Map<String, String> cleaned = new HashMap<>();
    private final boolean keepLinks;

    /** @param keepLinks whether links (URLs, DOIs) stay links: in the bibliography, not inside a citation's own link */
    CiteprocHtml(boolean keepLinks) {
        this.keepLinks = keepLinks;
    }

    String clean(String html) {
        return cleaned.computeIfAbsent(html, h -> {
            String italics = keepLinks ? null : italics(h.strip());
            return italics != null ? italics : convert(h);
        });
    }

    /**
     * Plain text with italic spans ({@code <span style="font-style: italic">}, not nested) as {@link #convert} writes
     * it, without jsoup (a tenth of a millisecond a citation); null for anything else.
     */
    static String italics(String html) {
        StringBuilder out = new StringBuilder(html.length());
        boolean italic = false;
        for (int at = 0; ; ) {
            int tag = html.indexOf('<', at);
            String text = html.substring(at, tag < 0 ? html.length() : tag);
            if (!PLAIN.matcher(text).matches()) {
                return null;
            }
            out.append(Markup.escape(text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, false)));
            if (tag < 0) {
                return italic ? null : out.toString();
            }
            String expected = italic ? END : ITALIC;
            if (!html.startsWith(expected, tag)) {
                return null;
            }
            out.append(italic ? "</i>" : "<i>");
            italic = !italic;
            at = tag + expected.length();
        }
    }

    /** The XHTML of citeproc's HTML, by jsoup. */
    String convert(String html) {
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
