package org.bookbinder.annotate.notes;

import org.bookbinder.annotate.Nodes;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.InlineFootnote;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.bookbinder.load.SourcePositions.column;
import static org.bookbinder.load.SourcePositions.line;

/**
 * Numbers a chapter's notes in reading order and moves their text to a {@link NotesSection} at the chapter's
 * end, each note after its reference in the same document, as pop-up readers need.
 *
 * <p>A labelled note referenced twice keeps one number; each reference gets its own id, and the note's
 * backlink goes to the first. A note referenced only from inside another note is numbered after the notes of
 * the main text that come before it. Problems: a reference with no definition (NOTE-001), a definition never
 * referenced (NOTE-002, a warning), a label defined twice (NOTE-003).
 */
public final class Notes {
    private static final Pattern UNRESOLVED = Pattern.compile("\\[\\^([^\\]\\s]+)\\]");

    private Notes() {
    }

    static String noteId(int number) {
        return "note-" + number;
    }

    static String refId(int number, int occurrence) {
        return occurrence == 1 ? "nref-" + number : "nref-" + number + "-" + occurrence;
    }

    /** Numbers the notes of one chapter, drawing numbers from {@code counter}. */
    public static void number(String file, Document document, NoteCounter counter, Diagnostics diagnostics) {
        Map<String, FootnoteDefinition> definitions = new LinkedHashMap<>();
        for (FootnoteDefinition def : collect(document, FootnoteDefinition.class)) {
            if (definitions.putIfAbsent(def.getLabel(), def) != null) {
                diagnostics.error(Code.NOTE_003, file, line(def), column(def),
                        "the note '" + def.getLabel() + "' is defined twice (first on line " + line(definitions.get(def.getLabel())) + ")");
            }
            def.unlink();
        }
        reportUnresolved(file, document, diagnostics);
        for (FootnoteDefinition def : definitions.values()) {
            reportUnresolved(file, def, diagnostics);        // a note may refer to another note, or to none
        }

        Map<String, Integer> numbers = new HashMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        Map<Integer, NoteBlock> blocks = new LinkedHashMap<>();
        Deque<Node> pending = new ArrayDeque<>();
        pending.add(document);
        while (!pending.isEmpty()) {
            Node scope = pending.poll();
            for (Node ref : collectReferences(scope)) {
                if (ref instanceof InlineFootnote inline) {
                    int n = counter.next();
                    NoteBlock block = new NoteBlock(n, refId(n, 1));
                    Paragraph p = new Paragraph();
                    Nodes.moveChildren(inline, p);
                    block.appendChild(p);
                    blocks.put(n, block);
                    ref.insertBefore(new NoteReference(n, refId(n, 1)));
                    ref.unlink();
                    pending.add(block);
                } else if (ref instanceof FootnoteReference fr) {
                    String label = fr.getLabel();
                    FootnoteDefinition def = definitions.get(label);
                    Integer n = numbers.get(label);
                    if (n == null) {
                        n = counter.next();
                        numbers.put(label, n);
                        NoteBlock block = new NoteBlock(n, refId(n, 1));
                        Nodes.moveChildren(def, block);
                        blocks.put(n, block);
                        pending.add(block);
                    }
                    int occurrence = occurrences.merge(label, 1, Integer::sum);
                    ref.insertBefore(new NoteReference(n, refId(n, occurrence)));
                    ref.unlink();
                }
            }
        }
        for (FootnoteDefinition def : definitions.values()) {
            if (!numbers.containsKey(def.getLabel())) {
                diagnostics.warning(Code.NOTE_002, file, line(def), column(def),
                        "the note '" + def.getLabel() + "' is never referenced");
            }
        }
        if (!blocks.isEmpty()) {
            NotesSection section = new NotesSection();
            blocks.values().stream().sorted((a, b) -> Integer.compare(a.number(), b.number())).forEach(section::appendChild);
            document.appendChild(section);
        }
    }

    /** References in reading order, not descending into note blocks (they are handled as their own scope). */
    private static List<Node> collectReferences(Node scope) {
        List<Node> refs = new ArrayList<>();
        scope.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof FootnoteReference || node instanceof InlineFootnote) {
                    refs.add(node);
                    return;
                }
                visitChildren(node);
            }

            @Override
            public void visit(CustomBlock block) {
                if (block instanceof NoteBlock && block != scope) {
                    return;
                }
                visitChildren(block);
            }
        });
        return refs;
    }

    private static void reportUnresolved(String file, Node scope, Diagnostics diagnostics) {
        scope.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                if (!text.getLiteral().contains("[^")) {
                    return;
                }
                Matcher m = UNRESOLVED.matcher(text.getLiteral());
                while (m.find()) {
                    int line = line(text);
                    int column = text.getSourceSpans().isEmpty() ? 0 : column(text) + m.start();
                    diagnostics.error(Code.NOTE_001, file, line, column,
                            "the note reference '[^" + m.group(1) + "]' has no definition (add a line '[^" + m.group(1) + "]: …')");
                }
            }
        });
    }

    private static <T extends Node> List<T> collect(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (type.isInstance(block)) {
                    found.add(type.cast(block));
                }
                visitChildren(block);
            }
        });
        return found;
    }
}
