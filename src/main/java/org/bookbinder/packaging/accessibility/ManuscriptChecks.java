package org.bookbinder.packaging.accessibility;

import org.bookbinder.annotate.AnnotatedBook;
import org.bookbinder.annotate.AnnotatedChapter;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.RawHtmlVisitor;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.jsoup.nodes.Element;

import static org.bookbinder.load.SourcePositions.column;
import static org.bookbinder.load.SourcePositions.line;

/**
 * Accessibility checks on the annotated chapters and the colophon, where every node still knows its file and line:
 * <ul>
 *   <li>A11Y-001 (error): an image without alt text. Markdown images need their description in the brackets,
 *       {@code ![Map of the camps](camps.png)}; an image that is purely decorative is written as raw HTML with an
 *       explicit empty alt, {@code <img src="rule.png" alt=""/>}, so that an empty alt is always deliberate.</li>
 *   <li>A11Y-002 (warning): a heading that skips a level ({@code #} followed by {@code ###}).</li>
 * </ul>
 */
public final class ManuscriptChecks {
    private ManuscriptChecks() {
    }

    public static void check(AnnotatedBook book, Diagnostics diagnostics) {
        book.chapters().parallelStream().forEach(c -> check(c, diagnostics));
        book.colophon().ifPresent(c -> check(c.file(), c.document(), diagnostics));
    }

    static void check(AnnotatedChapter chapter, Diagnostics diagnostics) {
        check(chapter.file(), chapter.document(), diagnostics);
    }

    private static void check(String file, Node document, Diagnostics diagnostics) {
        document.accept(new RawHtmlVisitor("<img", "img:not([alt])") {
            int level;

            @Override
            public void visit(Heading heading) {
                if (level > 0 && heading.getLevel() > level + 1) {
                    diagnostics.report(Code.A11Y_002, file, line(heading), column(heading),
                            "heading level " + heading.getLevel() + " follows level " + level + ": screen readers navigate by level, so use "
                                    + "#".repeat(level + 1) + " here");
                }
                level = heading.getLevel();
                visitChildren(heading);
            }

            @Override
            public void visit(Image image) {
                StringBuilder alt = new StringBuilder();
                image.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text text) {
                        alt.append(text.getLiteral());
                    }
                });
                if (alt.toString().isBlank()) {
                    diagnostics.report(Code.A11Y_001, file, line(image), column(image),
                            "image '" + image.getDestination() + "' has no alt text: describe it, ![what it shows](" + image.getDestination()
                                    + "), or, if it is only decoration, write <img src=\"" + image.getDestination() + "\" alt=\"\"/>");
                }
            }

            @Override
            protected void visitRaw(Element img, Node node) {
                diagnostics.report(Code.A11Y_001, file, line(node), column(node),
                        "image '" + img.attr("src") + "' has no alt attribute: describe it in alt=\"…\", or write alt=\"\" if it is only decoration");
            }
        });
    }
}
