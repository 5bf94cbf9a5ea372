package org.bookbinder.annotate;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Typographic quotes, dashes and ellipses, as pandoc's {@code smart} extension makes them: {@code "…"} → “…”,
 * {@code '} → ‘ or ’, {@code ---} → —, {@code --} → –, {@code ...} → …. Code and raw HTML are left alone.
 * Whether a quote opens or closes depends on the character before it, which may sit in an earlier inline node
 * (e.g. after emphasis), so the pass carries that character across the nodes of a block.
 */
public final class Typography {
    private Typography() {
    }

    /** Smartens every text node of {@code document} in place. */
    public static void apply(Node document) {
        document.accept(new AbstractVisitor() {
            private char previous = ' ';

            @Override
            protected void visitChildren(Node parent) {
                if (parent instanceof Block) {
                    previous = ' ';
                }
                super.visitChildren(parent);
            }

            @Override
            public void visit(Text text) {
                String in = text.getLiteral();
                String out = smarten(in, previous);
                if (!out.equals(in)) {
                    text.setLiteral(out);
                }
                if (!out.isEmpty()) {
                    previous = out.charAt(out.length() - 1);
                }
            }

            @Override
            public void visit(Code code) {
                previous = 'x';
            }

            @Override
            public void visit(HtmlInline html) {
                previous = 'x';
            }

            @Override
            public void visit(SoftLineBreak b) {
                previous = ' ';
            }

            @Override
            public void visit(HardLineBreak b) {
                previous = ' ';
            }
        });
    }

    /**
     * Smartens {@code s}, given the character that came before it. Every replacement is one character; the text
     * between them is copied in runs, and a text without any is returned as it is.
     */
    static String smarten(String s, char before) {
        int n = s.length();
        StringBuilder out = null;
        int copied = 0;
        char lastPiece = before;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != '-' && c != '.' && c != '"' && c != '\'') {
                continue;
            }
            char prev = i > copied ? s.charAt(i - 1) : lastPiece;
            char piece;
            int width = 1;
            if (c == '-') {
                if (i + 1 >= n || s.charAt(i + 1) != '-') {
                    continue;
                }
                boolean em = i + 2 < n && s.charAt(i + 2) == '-';
                piece = em ? '\u2014' : '\u2013';
                width = em ? 3 : 2;
            } else if (c == '.') {
                if (!s.startsWith("...", i)) {
                    continue;
                }
                piece = '\u2026';
                width = 3;
            } else if (c == '"') {
                piece = opens(prev) ? '\u201C' : '\u201D';
            } else {
                char next = i + 1 < n ? s.charAt(i + 1) : ' ';
                if (Character.isLetterOrDigit(prev)) {
                    piece = '\u2019';              // apostrophe or closing quote: don't, 1940s', POWs'
                } else if (Character.isDigit(next) && opens(prev)) {
                    piece = '\u2019';              // elided century: '45
                } else {
                    piece = opens(prev) ? '\u2018' : '\u2019';
                }
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(s, copied, i).append(piece);
            i += width - 1;
            copied = i + 1;
            lastPiece = piece;
        }
        return out == null ? s : out.append(s, copied, n).toString();
    }

    private static boolean opens(char prev) {
        return Character.isWhitespace(prev) || prev == '(' || prev == '[' || prev == '{' || prev == '\u2014'
                || prev == '\u2013' || prev == '-' || prev == '/' || prev == '\u201C' || prev == '\u2018' || prev == '\u00A0';
    }
}
