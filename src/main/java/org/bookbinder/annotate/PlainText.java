package org.bookbinder.annotate;

import org.bookbinder.annotate.citations.Citation;
import org.bookbinder.load.HeadingAttributes;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.InlineFootnote;

/** The text of an inline tree without markup, leaving out note references and citations: what a heading says. */
public final class PlainText {
    private PlainText() {
    }

    public static String of(Node node) {
        StringBuilder sb = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak b) {
                sb.append(' ');
            }

            @Override
            public void visit(HardLineBreak b) {
                sb.append(' ');
            }

            @Override
            public void visit(CustomNode custom) {
                if (custom instanceof HeadingAttributes || custom instanceof FootnoteReference || custom instanceof InlineFootnote
                        || custom instanceof Citation) {
                    return;
                }
                visitChildren(custom);
            }
        });
        return sb.toString().replaceAll("\\s+", " ").strip();
    }
}
