package org.bookbinder.render.print;

import org.bookbinder.load.BookConfig.PrintSettings;

import java.util.Locale;

/**
 * The printed page of one book, worked out from book.yaml's {@code print} settings: paper, margins (inner and
 * outer when two-sided), the text column and the outer column for notes beside it, all in millimetres, and
 * the type size in points. Chromium cannot mirror what is inside the page area, so the notes column stands to
 * the right of the text on every page; two-sided printing mirrors the page margins around that block.
 *
 * @param size       the CSS {@code @page size} keyword: {@code A4}, {@code letter}, {@code A5}
 * @param inner      the margin on the spine side (the left margin when one-sided)
 * @param outer      the margin on the fore-edge side (the right margin when one-sided)
 * @param textWidth  the width of the text column
 * @param gap        the space between the text and the notes column
 * @param noteWidth  the width of the notes column
 * @param fontSize   the body type size, in points
 */
public record PageGeometry(String size, double width, double height, double top, double bottom, double inner,
                           double outer, double textWidth, double gap, double noteWidth, double fontSize,
                           boolean twoSided) {

    /** The geometry for {@code settings}. */
    public static PageGeometry of(PrintSettings settings) {
        boolean two = settings.twoSided();
        return switch (settings.paper().toLowerCase(Locale.ROOT)) {
            case "letter" -> fit("letter", 215.9, 279.4, 19, 22, two ? 24 : 22, two ? 14 : 16, 6, 11, two);
            case "a5" -> fit("A5", 148, 210, 15, 17, two ? 17 : 15, two ? 9 : 11, 4, 9.5, two);
            default -> fit("A4", 210, 297, 20, 23, two ? 24 : 22, two ? 14 : 16, 6, 11, two);
        };
    }

    /** Shares the page area between the text (about 58 % of it, some 65 characters a line) and the notes column. */
    private static PageGeometry fit(String size, double w, double h, double top, double bottom, double inner,
                                    double outer, double gap, double fontSize, boolean two) {
        double area = w - inner - outer;
        double text = Math.round((area - gap) * 0.58);
        return new PageGeometry(size, w, h, top, bottom, inner, outer, text, gap, area - gap - text, fontSize, two);
    }

    /** Text and notes columns that share the page area, the text taking {@code textShare} of it. */
    public record Columns(double textWidth, double noteWidth) {
    }

    /**
     * The columns for a chapter whose notes are {@code density} times as long as its text: where the notes
     * outweigh the text, the notes column widens (and the text narrows to some 55 characters) so that the
     * notes of a paragraph fit beside it.
     */
    public Columns columnsFor(double density) {
        if (density < 1.2) {
            return new Columns(textWidth, noteWidth);
        }
        double text = Math.round((areaWidth() - gap) * 0.52);
        return new Columns(text, areaWidth() - gap - text);
    }

    /** The width of the page area (text, gap and notes). */
    public double areaWidth() {
        return width - inner - outer;
    }
}
