package org.bookbinder.annotate;

import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.Attributes;
import org.bookbinder.load.HeadingAttributes;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.bookbinder.load.SourcePositions.column;
import static org.bookbinder.load.SourcePositions.line;

/**
 * Gives every heading of a chapter an id: the one written in {@code {#id}}, else one made from its text
 * ({@link #slug}), unique within the chapter and always starting with a letter.
 */
final class HeadingIds {
    private HeadingIds() {
    }

    /** Ids by heading, in document order; each heading also carries its id in a {@link HeadingAttributes} child. */
    static Map<Heading, String> assign(String file, Node document, Diagnostics diagnostics) {
        List<Heading> headings = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings.add(heading);
            }
        });
        Set<String> explicit = new HashSet<>();
        for (Heading h : headings) {
            if (h.getFirstChild() instanceof HeadingAttributes a && a.attributes().id().isPresent()) {
                String id = a.attributes().id().get();
                if (!explicit.add(id)) {
                    diagnostics.error(Code.CHAP_006, file, line(h), column(h), "the id '" + id + "' is used by two headings");
                }
            }
        }
        Set<String> used = new HashSet<>(explicit);
        Map<Heading, String> ids = new LinkedHashMap<>(); // nodes compare by identity
        for (Heading h : headings) {
            if (h.getFirstChild() instanceof HeadingAttributes a && a.attributes().id().isPresent()) {
                ids.put(h, a.attributes().id().get());
                continue;
            }
            String base = slug(PlainText.of(h));
            String id = base;
            for (int n = 1; !used.add(id); n++) {
                id = base + "-" + n;
            }
            ids.put(h, id);
            Attributes old = h.getFirstChild() instanceof HeadingAttributes a ? a.attributes() : null;
            if (old != null) {
                h.getFirstChild().unlink();
            }
            h.prependChild(new HeadingAttributes(old == null
                    ? new Attributes(Optional.of(id), List.of(), Map.of())
                    : new Attributes(Optional.of(id), old.classes(), old.pairs())));
        }
        return ids;
    }

    /**
     * An id from a heading's text, as GitHub and commonmark's heading-anchor make them (lower case, spaces to
     * hyphens, punctuation dropped), but lower-cased in the root locale so the id never depends on the machine
     * (in Turkish, "I" would lower-case to a dotless "ı"), and always starting with a letter.
     */
    static String slug(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
                .replaceAll("\\s+", "-");
        if (s.isEmpty()) {
            return "section";
        }
        return Character.isLetter(s.codePointAt(0)) ? s : "h-" + s;
    }
}
