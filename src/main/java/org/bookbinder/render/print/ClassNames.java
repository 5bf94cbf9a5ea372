package org.bookbinder.render.print;

import org.jsoup.nodes.Element;

/**
 * jsoup's {@link Element#hasClass}, answered from the {@code class} attribute's value read once: jsoup looks its query
 * mode up (a system property) at every call, and the print edition asks it of every element of the book, often of
 * several names. As jsoup matches by default: the value is split at spaces, tabs, line feeds, form feeds and carriage
 * returns, and a name matches a part ignoring case.
 */
public final class ClassNames {
    private ClassNames() {
    }

    /** The value of the {@code class} attribute of {@code e}, {@code ""} when it has none. */
    public static String of(Element e) {
        return e.attributesSize() == 0 ? "" : e.attr("class");
    }

    /** Whether {@code classes}, the value of a {@code class} attribute, holds the class {@code name}. */
    public static boolean has(String classes, String name) {
        int n = classes.length();
        int length = name.length();
        if (length == 0 || n < length) {
            return false;
        }
        int i = 0;
        while (i < n) {
            while (i < n && space(classes.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !space(classes.charAt(i))) {
                i++;
            }
            if (i - start == length && classes.regionMatches(true, start, name, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
