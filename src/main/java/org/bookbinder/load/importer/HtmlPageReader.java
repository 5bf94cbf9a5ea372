package org.bookbinder.load.importer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a saved HTML page with jsoup: drops scripts, styles, navigation, headers, footers, sidebars, forms and
 * lists made only of links; takes the title from the first {@code h1} (or {@code <title>}); splits sections at
 * the highest heading level below it; and writes the content as Markdown (paragraphs, emphasis, links, lists,
 * block quotations, sub-headings). Created/updated lines in the page are kept aside as in plain text.
 */
final class HtmlPageReader {
    private static final String DEBRIS = "script, style, noscript, template, iframe, form, nav, header, footer, aside, "
            + "[role=navigation], [role=banner], [role=contentinfo], [role=search], [hidden], [aria-hidden=true]";
    private static final Pattern DEBRIS_NAME = Pattern.compile("(?i)(^|[-_ ])(nav|navbar|menu|footer|header|sidebar|breadcrumbs?|banner|masthead|cookie|share|social)([-_ ]|$)");

    private HtmlPageReader() {
    }

    static SourcePage read(String html) {
        Document doc = Jsoup.parse(html);
        List<String> dropped = new ArrayList<>();
        Optional<String> created = Optional.empty();
        Optional<String> updated = Optional.empty();
        Element h1 = doc.selectFirst("body h1");
        String title = h1 != null ? h1.text() : doc.title();
        for (Element e : doc.body().select(DEBRIS)) {
            dropped.add(e.text());
            e.remove();
        }
        for (Element e : doc.body().select("[class], [id]")) {
            if (e.parent() != null && (DEBRIS_NAME.matcher(e.className()).find() || DEBRIS_NAME.matcher(e.id()).find())) {
                dropped.add(e.text());
                e.remove();
            }
        }
        for (Element list : doc.body().select("ul, ol, p, div")) {
            if (list.parent() != null && onlyLinks(list)) {
                dropped.add(list.text());
                list.remove();
            }
        }
        if (h1 != null) {
            h1.remove();
        }
        int level = sectionLevel(doc.body());
        List<SourcePage.Section> sections = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        String heading = "";
        List<String> blocks = new ArrayList<>();
        boolean inSources = false;
        for (Element block : blocks(doc.body())) {
            String tag = block.normalName();
            String text = Normalise.text(block.text()).strip();
            if (text.isEmpty()) {
                continue;
            }
            Matcher c = Pattern.compile("^(?i)created\\s*:\\s*(.+)$").matcher(text);
            Matcher u = Pattern.compile("^(?i)(?:last\\s+)?(?:updated|modified)\\s*:\\s*(.+)$").matcher(text);
            if (c.matches()) {
                created = Optional.of(c.group(1).strip());
                dropped.add(text);
                continue;
            }
            if (u.matches()) {
                updated = Optional.of(u.group(1).strip());
                dropped.add(text);
                continue;
            }
            if (tag.equals("h" + level)) {
                if (!inSources && (!heading.isEmpty() || !blocks.isEmpty())) {
                    sections.add(new SourcePage.Section(heading, blocks));
                }
                heading = text;
                blocks = new ArrayList<>();
                inSources = TextPageReader.SOURCES_HEADING.matcher(text).matches();
            } else if (inSources) {
                if (tag.equals("ul") || tag.equals("ol")) {
                    for (Element li : block.select("> li")) {
                        sources.add(Normalise.text(li.text()).strip());
                    }
                } else {
                    sources.add(text);
                }
            } else {
                blocks.add(Markdown.block(block, level));
            }
        }
        if (!inSources && (!heading.isEmpty() || !blocks.isEmpty())) {
            sections.add(new SourcePage.Section(heading, blocks));
        }
        return new SourcePage(Normalise.text(title).strip(), sections, sources, created, updated, dropped);
    }

    private static boolean onlyLinks(Element e) {
        if (e.select("a").isEmpty()) {
            return false;
        }
        StringBuilder outside = new StringBuilder();
        for (Node n : e.childNodes()) {
            collectTextOutsideLinks(n, outside);
        }
        return outside.toString().replaceAll("[\\s|·•»›/\\[\\]()-]", "").isEmpty();
    }

    private static void collectTextOutsideLinks(Node n, StringBuilder out) {
        if (n instanceof TextNode t) {
            out.append(t.text());
        } else if (n instanceof Element el && !el.normalName().equals("a")) {
            for (Node c : el.childNodes()) {
                collectTextOutsideLinks(c, out);
            }
        }
    }

    /** The highest heading level (2–6) present: the level of the page's sections. */
    private static int sectionLevel(Element body) {
        for (int l = 2; l <= 6; l++) {
            if (!body.select("h" + l).isEmpty()) {
                return l;
            }
        }
        return 2;
    }

    /** The block-level elements in document order, not descending into blocks already taken. */
    private static List<Element> blocks(Element root) {
        List<Element> out = new ArrayList<>();
        for (Element child : root.children()) {
            switch (child.normalName()) {
                case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "table", "figure", "dl" -> out.add(child);
                default -> {
                    if (child.children().isEmpty() || child.select("p, h2, h3, h4, h5, h6, ul, ol, blockquote, pre, table, figure, div").isEmpty()) {
                        out.add(child);
                    } else {
                        out.addAll(blocks(child));
                    }
                }
            }
        }
        return out;
    }
}
