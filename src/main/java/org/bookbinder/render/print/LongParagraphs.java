package org.bookbinder.render.print;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps every note on the page of its reference when a paragraph's notes are longer than a page can hold
 * beside it. The stylesheet keeps a paragraph and its notes together on one page (the notes stand beside
 * the text, one under another); when that block would be taller than the page, the paragraph is divided, for
 * print, at the end of a sentence, into parts that each fit: {@code <p class="with-notes split">} and
 * {@code <p class="continued">}. On screen the parts run on as one paragraph.
 *
 * <p>The heights are estimates from the page geometry and the default stylesheet's sizes (text at the body
 * size on 1.36 leading, notes at 0.78 em on 1.25), with generous margins; the PDF test measures the result.
 */
public final class LongParagraphs {
    /** Average advance of a character of EB Garamond, in ems. */
    private static final double CHAR_EM = 0.43;
    private static final double MM_PER_PT = 25.4 / 72;
    /** The share of a page that one paragraph with its notes may fill before it is divided. */
    private static final double FILL = 0.82;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][’”)]*\\s+(?=[“‘(]?\\p{Lu})");

    private LongParagraphs() {
    }

    /** Divides the paragraphs of {@code body} whose notes would not fit beside them on one page. */
    public static void divide(Element body, PageGeometry g, PageGeometry.Columns columns) {
        Estimate e = new Estimate(g, columns);
        List<Element> withNotes = new ArrayList<>();
        paragraphsWithNotes(body, withNotes);
        for (Element p : withNotes) {
            Element part = p;
            while (part != null && e.height(part, Integer.MAX_VALUE) > e.page * FILL) {
                part = splitAtSentence(part, e);
            }
        }
    }

    /**
     * The {@code p.with-notes} at or under {@code e}, in document order: a walk by index, cheaper than jsoup's select
     * (and its {@code childNodes()}, which copies the list).
     */
    private static void paragraphsWithNotes(Element e, List<Element> found) {
        if (e.nameIs("p") && ClassNames.has(ClassNames.of(e), "with-notes")) {
            found.add(e);
        }
        for (int i = 0; i < e.childNodeSize(); i++) {
            if (e.childNode(i) instanceof Element c) {
                paragraphsWithNotes(c, found);
            }
        }
    }

    /** Splits {@code p} after the last sentence end at which the first part still fits; returns the rest. */
    private static Element splitAtSentence(Element p, Estimate e) {
        TextNode bestNode = null;
        int bestOffset = -1;
        int chars = 0;
        for (int i = 0; i < p.childNodeSize(); i++) {
            Node child = p.childNode(i);
            if (child instanceof TextNode t) {
                Matcher m = SENTENCE_END.matcher(t.getWholeText());
                while (m.find()) {
                    int at = chars + m.end();
                    if (e.height(p, at) <= e.page * FILL && chars + m.end() > 0) {
                        bestNode = t;
                        bestOffset = m.end();
                    }
                }
                chars += t.getWholeText().length();
            } else if (child instanceof Element el && !note(el)) {
                chars += TextLength.of(el);
            }
        }
        if (bestNode == null || bestOffset >= bestNode.getWholeText().length()) {
            return null;
        }
        TextNode tail = bestNode.splitText(bestOffset);
        Element rest = new Element("p").addClass("continued");
        List<Node> move = new ArrayList<>();
        for (Node n = tail; n != null; n = n.nextSibling()) {
            move.add(n);
        }
        for (Node n : move) {
            rest.appendChild(n);
        }
        p.addClass("split");
        p.after(rest);
        if (!rest.select("span.note").isEmpty()) {
            rest.addClass("with-notes");
        }
        return rest;
    }

    /** Whether {@code e} is a note ({@code .note}). */
    private static boolean note(Element e) {
        return ClassNames.has(ClassNames.of(e), "note");
    }

    /**
     * Estimated heights in points, from the geometry. The lengths of elements' text are {@link TextLength}'s, not
     * {@code text().length()}, and children are read by index ({@link Element#childNodes} copies the list): this runs
     * at every note of the book, more than once for a paragraph divided.
     */
    private static final class Estimate {
        final double page;
        final double textLine;
        final double noteLine;
        final double textChars;
        final double noteChars;

        Estimate(PageGeometry g, PageGeometry.Columns c) {
            double size = g.fontSize();
            page = (g.height() - g.top() - g.bottom()) / MM_PER_PT;
            textLine = size * 1.36;
            noteLine = size * 0.78 * 1.25;
            textChars = c.textWidth() / MM_PER_PT / (size * CHAR_EM);
            noteChars = c.noteWidth() / MM_PER_PT / (size * 0.78 * CHAR_EM);
        }

        /** The height of the first {@code limit} characters of {@code p}'s own text with the notes they hold. */
        double height(Element p, int limit) {
            int chars = 0;
            double notesBottom = 0;
            for (int i = 0; i < p.childNodeSize(); i++) {
                Node child = p.childNode(i);
                if (chars >= limit) {
                    break;
                }
                if (child instanceof Element el && note(el)) {
                    double top = Math.max(notesBottom, Math.floor(chars / textChars) * textLine);
                    notesBottom = top + (Math.ceil(TextLength.of(el) / noteChars) + 0.5) * noteLine;
                } else {
                    chars += child instanceof TextNode t ? t.getWholeText().length() : TextLength.of((Element) child);
                }
            }
            double text = Math.ceil(Math.min(chars, limit) / textChars) * textLine;
            return Math.max(text, notesBottom);
        }
    }
}
