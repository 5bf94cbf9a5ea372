package org.bookbinder.load.importer;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;

/** Writes cleaned HTML blocks as Markdown, escaping what Markdown would otherwise read as syntax. */
final class Markdown {
    private Markdown() {
    }

    static String block(Element e, int sectionLevel) {
        String tag = e.normalName();
        switch (tag) {
            case "ul", "ol" -> {
                List<String> items = new ArrayList<>();
                int n = 1;
                for (Element li : e.select("> li")) {
                    items.add((tag.equals("ol") ? (n++) + ". " : "- ") + inline(li));
                }
                return String.join("\n", items);
            }
            case "blockquote" -> {
                List<String> paras = new ArrayList<>();
                for (Element p : e.select("> p")) {
                    paras.add(inline(p));
                }
                if (paras.isEmpty()) {
                    paras.add(inline(e));
                }
                return "> " + String.join("\n>\n> ", paras);
            }
            case "pre" -> {
                return "```\n" + e.wholeText().strip() + "\n```";
            }
            case "figure" -> {
                Element caption = e.selectFirst("figcaption");
                return "*" + (caption != null ? inline(caption) : "[figure]") + "*";
            }
            default -> {
                if (tag.matches("h[1-6]")) {
                    int level = Math.max(2, Integer.parseInt(tag.substring(1)) - sectionLevel + 1);
                    return "#".repeat(Math.min(level, 6)) + " " + inline(e);
                }
                return inline(e);
            }
        }
    }

    static String inline(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n : e.childNodes()) {
            append(n, sb);
        }
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    private static void append(Node n, StringBuilder sb) {
        if (n instanceof TextNode t) {
            sb.append(escape(Normalise.text(t.text())));
            return;
        }
        if (!(n instanceof Element el)) {
            return;
        }
        switch (el.normalName()) {
            case "em", "i", "cite" -> sb.append('*').append(inline(el)).append('*');
            case "strong", "b" -> sb.append("**").append(inline(el)).append("**");
            case "code" -> sb.append('`').append(el.text()).append('`');
            case "br" -> sb.append(' ');
            case "img" -> { /* images are not brought over; their alt text is kept */
                if (!el.attr("alt").isBlank()) {
                    sb.append(escape(el.attr("alt")));
                }
            }
            case "a" -> {
                String href = el.attr("abs:href").isEmpty() ? el.attr("href") : el.attr("abs:href");
                if (href.startsWith("http://") || href.startsWith("https://")) {
                    sb.append('[').append(inline(el)).append("](").append(href.replace(")", "%29").replace(" ", "%20")).append(')');
                } else {
                    sb.append(inline(el));
                }
            }
            default -> {
                for (Node c : el.childNodes()) {
                    append(c, sb);
                }
            }
        }
    }

    /** Backslash-escapes Markdown's inline syntax characters (brackets stay: they may be source references). */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("<", "\\<");
    }
}
