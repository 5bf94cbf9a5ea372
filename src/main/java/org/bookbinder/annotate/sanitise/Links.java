package org.bookbinder.annotate.sanitise;

import org.bookbinder.annotate.Nodes;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.Attributes;
import org.bookbinder.load.HeadingAttributes;
import org.bookbinder.load.Span;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Link;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.bookbinder.load.SourcePositions.column;
import static org.bookbinder.load.SourcePositions.line;

/**
 * The Markdown half of sanitising, on a chapter's tree: links ({@code [text](url)} and autolinks {@code <url>}) are held
 * to {@link Urls} — an unsafe or dead link is unlinked, its text kept (HTML-003, HTML-004), the others percent-encoded
 * — and the attributes of headings and spans ({@code {#id key=value}}) to the same allow-list as raw HTML's.
 */
public final class Links {
    private Links() {
    }

    /** Sanitises the links and attribute blocks of {@code document}, written in {@code file}, in place. */
    public static void sanitise(String file, Node document, Diagnostics diagnostics) {
        List<Link> links = new ArrayList<>();
        List<CustomNode> attributed = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link);
                visitChildren(link);
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof Span || node instanceof HeadingAttributes) {
                    attributed.add(node);
                }
                visitChildren(node);
            }
        });
        for (Link link : links) {
            Urls.Verdict v = Urls.link(link.getDestination());
            if (v.kept()) {
                link.setDestination(v.url());
            } else {
                diagnostics.report(v.code().get(), file, line(link), column(link), "link unlinked: " + v.reason());
                Nodes.unwrap(link);                        // the link's text (and whatever else is in it) in its place
            }
        }
        for (CustomNode node : attributed) {
            Attributes attributes = node instanceof Span s ? s.attributes() : ((HeadingAttributes) node).attributes();
            Optional<Attributes> allowed = allowed(attributes, node instanceof Span ? "span" : "h1", file, node, diagnostics);
            allowed.ifPresent(a -> replace(node, a));
        }
    }

    /** The attributes without those the allow-list refuses (each reported), or empty when all are allowed. */
    private static Optional<Attributes> allowed(Attributes attributes, String tag, String file, Node at, Diagnostics diagnostics) {
        Map<String, String> pairs = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<String, String> e : attributes.pairs().entrySet()) {
            String name = e.getKey().toLowerCase(java.util.Locale.ROOT);
            Optional<HtmlPolicy.Refusal> refusal = name.equals("href") || name.equals("src")
                    ? Optional.of(new HtmlPolicy.Refusal(org.bookbinder.diagnostics.Code.HTML_010, "an attribute block cannot make a link or an image"))
                    : HtmlPolicy.attribute(tag, name, e.getValue());
            if (refusal.isPresent()) {
                diagnostics.report(refusal.get().code(), file, line(at), column(at), "the attribute '" + e.getKey() + "' dropped: "
                        + refusal.get().reason());
                changed = true;
            } else {
                pairs.put(e.getKey(), e.getValue());
            }
        }
        return changed ? Optional.of(new Attributes(attributes.id(), attributes.classes(), pairs)) : Optional.empty();
    }

    private static void replace(CustomNode node, Attributes attributes) {
        CustomNode replacement = node instanceof Span ? new Span(attributes) : new HeadingAttributes(attributes);
        replacement.setSourceSpans(node.getSourceSpans());
        Nodes.moveChildren(node, replacement);
        node.insertBefore(replacement);
        node.unlink();
    }
}
