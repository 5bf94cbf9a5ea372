package org.bookbinder.load;

import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CHAP-007: a heading that ends in what is meant as an attribute block, {@code # Camps {#camp list}}, but is not
 * one (an id with a space in it or that starts with a digit, two ids, a stray character). commonmark leaves such a block in
 * the heading's text, where the reader would see it, so it is reported instead of rendered.
 */
final class AttributeBlocks {
    /** A trailing {@code {…}} that starts like an attribute block: with an id or a class ({@code {.5, 1}} does not). */
    private static final Pattern MEANT = Pattern.compile("\\{\\s*(#[\\w-][^{}]*|\\.[A-Za-z_-][^{}]*)\\}\\s*$");

    private AttributeBlocks() {
    }

    static void check(String file, String text, Node document, Diagnostics diagnostics) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLastChild() instanceof Text last && !(heading.getFirstChild() instanceof HeadingAttributes)) {
                    Matcher m = MEANT.matcher(last.getLiteral());
                    if (m.find() && Attributes.parse(m.group(1)).isEmpty()) {
                        int line = SourcePositions.line(heading);
                        diagnostics.error(Code.CHAP_007, file, line, column(text, line, SourcePositions.column(last)),
                                "the attribute block '" + m.group().strip() + "' is not {#id .class key=value}: an id is one word that starts "
                                        + "with a letter, and a heading has one; as written, it would be shown as part of the heading");
                    }
                }
            }
        });
    }

    /** The column of the last '{' on the heading's line, or {@code fallback} when the line cannot be found. */
    private static int column(String text, int line, int fallback) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (line < 1 || line > lines.length) {
            return fallback;
        }
        int brace = lines[line - 1].lastIndexOf('{');
        return brace < 0 ? fallback : brace + 1;
    }
}
