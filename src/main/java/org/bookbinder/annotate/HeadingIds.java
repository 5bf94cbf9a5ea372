package org.bookbinder.annotate;

import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.Attributes;
import org.bookbinder.load.HeadingAttributes;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives every heading of a chapter an id: the one written in {@code {#id}}, else one made from its text
 * (commonmark's heading-anchor generator), unique within the chapter and always starting with a letter.
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
                    diagnostics.error(Code.CHAP_006, file, line(h), 0, "the id '" + id + "' is used by two headings");
                }
            }
        }
        IdGenerator generator = IdGenerator.builder().defaultId("section").build();
        Map<Heading, String> ids = new LinkedHashMap<>(); // nodes compare by identity
        for (Heading h : headings) {
            if (h.getFirstChild() instanceof HeadingAttributes a && a.attributes().id().isPresent()) {
                ids.put(h, a.attributes().id().get());
                continue;
            }
            String id;
            do {
                String base = generator.generateId(PlainText.of(h));
                id = Character.isLetter(base.charAt(0)) ? base : "h-" + base;
            } while (explicit.contains(id));
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

    static int line(Node node) {
        return node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex() + 1;
    }
}
