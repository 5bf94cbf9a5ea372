package org.bookbinder.annotate.glossary;

import java.util.regex.Pattern;

/**
 * How glossary terms are compared with the text. Both sides are put in one normal form: runs of white space
 * (including no-break spaces and line breaks) become one space, typographic apostrophes ({@code ’ ‘ ʼ}) become
 * {@code '}, Unicode hyphens become {@code -}, soft hyphens are dropped. A form written all in lower case is then
 * matched in any case ({@code internees} matches "Internees" at a sentence start); a form with a capital letter
 * only as written. Case folding is per character ({@link Character#toLowerCase(char)}), never by locale.
 */
final class TermText {
    /** Stands in the text for what may not be matched across (code, a link, a note reference). */
    static final char BARRIER = '\uFFFF';
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private TermText() {
    }

    /** The normal form of one character, {@code ' '} for white space, or {@code 0} for a character to drop. */
    static char normal(char c) {
        if (c > ' ' && c < 0x7F) {
            return c;       // the common case, first
        }
        switch (c) {
            case '\u00AD':
                return 0;
            case '\u2019', '\u2018', '\u02BC':
                return '\'';
            case '\u2010', '\u2011':
                return '-';
            case '\u00A0', '\u2007', '\u202F':
                return ' ';
            default:
                return Character.isWhitespace(c) ? ' ' : c;
        }
    }

    /** {@code s} in the normal form, stripped. */
    static String normalise(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = normal(s.charAt(i));
            if (c == 0 || (c == ' ' && (out.isEmpty() || out.charAt(out.length() - 1) == ' '))) {
                continue;
            }
            out.append(c);
        }
        return out.toString().strip();
    }

    /** A term or alias as written, with white space collapsed (what the glossary page shows). */
    static String collapse(String s) {
        return WHITE_SPACE.matcher(s.strip()).replaceAll(" ");
    }

    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(lower(s.charAt(i)));
        }
        return out.toString();
    }

    /** Whether a form is matched in any case: it has no capital letter. */
    static boolean anyCase(String form) {
        return form.chars().noneMatch(Character::isUpperCase) && form.chars().noneMatch(Character::isTitleCase);
    }

    /** Whether form {@code a} matches every text that {@code b} matches. */
    static boolean covers(String a, String b) {
        String na = normalise(a);
        String nb = normalise(b);
        return na.equals(nb) || (anyCase(na) && fold(na).equals(fold(nb)));
    }

    /** Whether some text is matched by both forms. */
    static boolean overlap(String a, String b) {
        return covers(a, b) || covers(b, a);
    }

    /** Letters, digits and combining marks make words; a term matches whole words only. */
    static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** {@link Character#toLowerCase(char)}, quicker for ASCII. */
    static char lower(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(c);
    }
}
