package org.bookbinder.render.print;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The print edition's finishing touches on a chapter body, after the shared typography of {@code annotate}
 * (quotes, dashes, ellipses):
 * <ul>
 *   <li>no-break spaces where a line break would hurt: a number and its unit, initials and the name they
 *       belong to, "p. 84", "No. 270", "August 23", "World War II", a space before an ellipsis;</li>
 *   <li>acronyms (NKVD, POWs, DDR) in {@code <span class="caps">}, set in small capitals by the stylesheet;
 *       Roman numerals are left alone;</li>
 *   <li>soft hyphens from TeX's patterns for the book's language, in running text only: not in headings,
 *       code, URLs, text in another language, quoted readings marked {@code spellcheck="false"},
 *       capitalised words (mostly names, which English patterns divide badly), nor in the last word of a
 *       paragraph or note.</li>
 * </ul>
 * Print only: the EPUB never sees these characters.
 */
public final class FineTypography {
    static final char SHY = '\u00AD';
    static final char NBSP = '\u00A0';
    /** Elements whose text is left as it is. */
    private static final Set<String> VERBATIM = Set.of("code", "pre", "kbd", "samp", "var", "script", "style", "svg", "math");
    /** Elements whose text is neither hyphenated nor set in small capitals. */
    private static final Set<String> NO_HYPHENS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "th", "dt", "caption", "cite");
    /** Blocks whose last word keeps whole, so that no paragraph ends in a fragment of a word. */
    private static final String BLOCKS = "p, li, dd, td, figcaption, span.note-p, .csl-entry";
    private static final int MIN_WORD = 6;

    private static final Pattern UNIT = Pattern.compile(
            "(\\d)[ \\t\\n]+(%|‰|°|km|m|cm|mm|kg|g|mi|ft|in\\.|lb|lbs|ha|sq|per ?cent|percent|million|billion|thousand|hundred)(?![\\p{L}])");
    private static final Pattern INITIAL = Pattern.compile("(?<!\\p{L})(\\p{Lu}\\.)[ \\t\\n]+(?=\\p{Lu})");
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?<![\\p{L}])(p|pp|vol|vols|no|No|nos|Nos|chap|ch|fig|Fig|figs|sec|n|nn|art|para|Mr|Mrs|Ms|Dr|St|Gen|Col|Capt|Lt|Sgt|Adm|Prof)\\.[ \\t\\n]+");
    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![\\p{L}])(" + String.join("|", MONTHS) + ")[ \\t\\n]+(?=\\d)");
    private static final Pattern REGNAL = Pattern.compile("(?<=\\p{L})[ \\t\\n]+(?=(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI{0,3})(?![\\p{L}\\p{N}]))");
    private static final Pattern BEFORE_ELLIPSIS = Pattern.compile("[ \\t\\n]+(?=…)");
    private static final Pattern ACRONYM = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{Lu}{2,})(?=s?(?![\\p{L}\\p{N}]))");
    private static final Pattern ROMAN = Pattern.compile("M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");
    private static final String[] URL_SIGNS = {"://", "www.", "@", ".com", ".org", ".net", ".edu", ".gov"};

    private FineTypography() {
    }

    /**
     * Applies the touches to {@code body}.
     *
     * @param language   the book's BCP 47 language; text marked with another {@code lang} is not hyphenated
     * @param hyphenator the patterns for {@code language}, if Bookbinder has them
     */
    public static void apply(Element body, String language, Optional<Hyphenator> hyphenator) {
        String primary = primary(language);
        List<TextNode> texts = new ArrayList<>();
        List<Where> places = new ArrayList<>();
        Where top = Where.ABOVE;
        List<Element> above = new ArrayList<>();
        for (Element p = body; p != null; p = p.parent()) {
            above.add(p);
        }
        for (int i = above.size() - 1; i >= 0; i--) {
            top = top.into(above.get(i), primary);
        }
        collect(body, top, primary, texts, places);
        for (int i = 0; i < texts.size(); i++) {
            TextNode t = texts.get(i);
            Where where = places.get(i);
            if (where.verbatim) {
                continue;
            }
            String original = t.getWholeText();
            // The scans below read the text as an array: most texts hold curly quotes, so their strings are UTF-16,
            // and String.charAt on those costs several calls a character in a JVM that runs only the C1 compiler.
            char[] chars = original.toCharArray();
            int found = candidates(chars);
            String s = noBreaks(original, found);
            boolean running = !where.noHyphens && !where.bareLink && !where.quoted;
            if (running && hyphenator.isPresent() && (where.lang == null ? primary.equals(primary(language)) : where.sameLanguage)) {
                s = hyphenate(s, s == original ? chars : s.toCharArray(), hyphenator.get());
            }
            if (s != original) {
                t.text(s);
            }
            if (running && (found & TWO_CAPITALS) != 0) {    // no-break and soft hyphens come between no two capitals
                smallCaps(t);
            }
        }
        for (Element block : body.select(BLOCKS)) {
            keepLastWordWhole(block);
        }
    }

    /**
     * The no-break spaces. Each pattern runs only where one scan of the text found what it needs (a digit before
     * a space, a capital or an abbreviation before ". ", a month before a space and a digit, a space before a word of
     * a Roman numeral's letters): this runs over every text of the book, and most of it has none. The replacements
     * only turn spaces into no-break spaces, so what the scan found in the text before them is all a later pattern can
     * find after them. {@code found} is what {@link #candidates} found in {@code s} ({@code ~0} runs every pattern);
     * {@code s} itself comes back when nothing changes.
     */
    static String noBreaks(String s, int found) {
        if ((found & ~TWO_CAPITALS) == 0) {
            return s;
        }
        if ((found & DIGIT_SPACE) != 0) {
            s = UNIT.matcher(s).replaceAll("$1" + NBSP + "$2");
        }
        if ((found & SPACE_DIGIT) != 0) {
            s = MONTH_DAY.matcher(s).replaceAll("$1" + NBSP);
        }
        if ((found & INITIAL_SPACE) != 0) {
            s = INITIAL.matcher(s).replaceAll("$1" + NBSP);
        }
        if ((found & ABBREVIATION_SPACE) != 0) {
            s = ABBREVIATION.matcher(s).replaceAll("$1." + NBSP);
        }
        if ((found & SPACE_NUMERAL) != 0) {
            s = REGNAL.matcher(s).replaceAll(String.valueOf(NBSP));
        }
        return (found & ELLIPSIS) != 0 ? BEFORE_ELLIPSIS.matcher(s).replaceAll(String.valueOf(NBSP)) : s;
    }

    private static final int DIGIT_SPACE = 1;
    private static final int SPACE_DIGIT = 2;
    private static final int INITIAL_SPACE = 4;
    private static final int ABBREVIATION_SPACE = 8;
    private static final int SPACE_NUMERAL = 16;
    private static final int ELLIPSIS = 32;
    /** Not a pattern's: two capitals side by side, where {@link #smallCaps} may find an acronym. */
    private static final int TWO_CAPITALS = 64;
    /** The words of {@link #ABBREVIATION}. */
    private static final List<String> ABBREVIATIONS = List.of("p", "pp", "vol", "vols", "no", "No", "nos", "Nos", "chap", "ch",
            "fig", "Fig", "figs", "sec", "n", "nn", "art", "para", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Capt", "Lt",
            "Sgt", "Adm", "Prof");
    private static final int LONGEST_ABBREVIATION = ABBREVIATIONS.stream().mapToInt(String::length).max().orElseThrow();

    /** One scan of {@code s} for what each no-break pattern needs, and for two capitals: a set of the flags above. */
    static int candidates(char[] s) {
        int found = 0;
        int n = s.length;
        boolean capitalBefore = false;
        for (int i = 0; i < n; i++) {
            char c = s[i];
            boolean capital = upperCase(c);
            if (capital && capitalBefore) {
                found |= TWO_CAPITALS;
            }
            capitalBefore = capital;
            if (c == '…') {
                found |= ELLIPSIS;
            } else if (c == ' ' || c == '\t' || c == '\n') {
                if (i + 1 < n) {
                    char next = s[i + 1];
                    if (next >= '0' && next <= '9') {
                        if ((found & SPACE_DIGIT) == 0 && monthEndsBefore(s, i)) {
                            found |= SPACE_DIGIT;
                        }
                    } else if (next == 'I' || next == 'V' || next == 'X') {
                        if ((found & SPACE_NUMERAL) == 0 && numeralAt(s, i + 1)) {
                            found |= SPACE_NUMERAL;
                        }
                    }
                }
                if (i > 0) {
                    char before = s[i - 1];
                    if (before >= '0' && before <= '9') {
                        found |= DIGIT_SPACE;
                    } else if (before == '.' && i > 1) {
                        if (upperCase(s[i - 2])) {
                            found |= INITIAL_SPACE;
                        }
                        if ((found & ABBREVIATION_SPACE) == 0 && abbreviationEndsAt(s, i - 1)) {
                            found |= ABBREVIATION_SPACE;
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * Whether one of {@link #MONTHS} ends just before the run of spaces that holds {@code s[space]}: most spaces before
     * a number follow no month ("Chapter 5", "1974, 84"), and {@link #MONTH_DAY} is not run for those.
     */
    private static boolean monthEndsBefore(char[] s, int space) {
        int end = space;
        while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\n')) {
            end--;
        }
        for (String month : MONTHS) {
            if (end >= month.length() && startsWith(s, end - month.length(), month)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the run of the letters I, V and X at {@code s[at]} ends the word, where {@link #REGNAL} may find a Roman
     * numeral: not so in a word that only starts with one of them (Valsor, Ivanov, Xenia), nor before a digit. A
     * character that is neither an ASCII letter nor a digit is left to the pattern.
     */
    private static boolean numeralAt(char[] s, int at) {
        int end = at;
        while (end < s.length && (s[end] == 'I' || s[end] == 'V' || s[end] == 'X')) {
            end++;
        }
        if (end == s.length) {
            return true;
        }
        char c = s[end];
        return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
    }

    /**
     * Whether the word before {@code s[dot]} is one of {@link #ABBREVIATIONS}: the letters before the dot, all of them
     * (an abbreviation has no letter before it), found by looking back at most one letter further than the longest
     * abbreviation (this runs at every sentence's end).
     */
    private static boolean abbreviationEndsAt(char[] s, int dot) {
        int start = dot;
        while (start > 0 && dot - start <= LONGEST_ABBREVIATION && Character.isLetter(s[start - 1])) {
            start--;
        }
        int length = dot - start;
        if (length == 0 || length > LONGEST_ABBREVIATION) {
            return false;
        }
        for (String a : ABBREVIATIONS) {
            if (a.length() == length && startsWith(s, start, a)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s} holds {@code what} at {@code at}. */
    private static boolean startsWith(char[] s, int at, String what) {
        if (at + what.length() > s.length) {
            return false;
        }
        for (int i = 0; i < what.length(); i++) {
            if (s[at + i] != what.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Soft hyphens in every lower-case word of at least {@value #MIN_WORD} letters that stands alone (no digit or
     * soft hyphen beside it), outside anything that looks like a URL or an e-mail address. A scanner, not
     * regular expressions: this runs over every word of the book. {@code chars} are the characters of {@code s};
     * {@code s} itself comes back when no word gets a soft hyphen (the text is copied only from the first that does).
     */
    private static String hyphenate(String s, char[] chars, Hyphenator h) {
        StringBuilder out = null;
        HyphenatedWords words = HyphenatedWords.of(h);
        int copied = 0;                          // chars[0, copied) are in out
        int n = chars.length;
        int i = 0;
        while (i < n) {
            while (i < n && whitespace(chars[i])) {
                i++;
            }
            int start = i;
            while (i < n && !whitespace(chars[i])) {
                i++;
            }
            if (i - start < MIN_WORD || urlish(chars, start, i)) {
                continue;
            }
            int j = start;
            while (j < i) {
                if (!letter(chars[j])) {
                    j++;
                    continue;
                }
                int k = j;
                boolean lower = true;
                while (k < i && letter(chars[k])) {
                    lower &= lowerCase(chars[k]);
                    k++;
                }
                boolean alone = (j == start || !joins(chars[j - 1])) && (k == i || !joins(chars[k]));
                if (lower && alone && k - j >= MIN_WORD) {
                    String hyphenated = words.hyphenate(chars, j, k);
                    if (hyphenated.length() != k - j) {
                        if (out == null) {
                            out = new StringBuilder(n + 32);
                        }
                        out.append(chars, copied, j - copied).append(hyphenated);
                        copied = k;
                    }
                }
                j = k;
            }
        }
        if (out == null) {
            return s;
        }
        return out.append(chars, copied, n - copied).toString();
    }

    /** {@link Character#isWhitespace(char)}, answered at once for ASCII. */
    private static boolean whitespace(char c) {
        return c < 0x80 ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F) : Character.isWhitespace(c);
    }

    /** {@link Character#isLetter(char)}, answered at once for ASCII. */
    private static boolean letter(char c) {
        return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
    }

    /** {@link Character#isLowerCase(char)}, answered at once for ASCII. */
    private static boolean lowerCase(char c) {
        return c < 0x80 ? c >= 'a' && c <= 'z' : Character.isLowerCase(c);
    }

    private static boolean wordChar(char c) {
        return Character.isLetter(c) || c == SHY;
    }

    private static boolean joins(char c) {
        return c < 0x80 ? c >= '0' && c <= '9' : Character.isDigit(c) || c == SHY;
    }

    /**
     * Whether {@code s[start, end)} holds one of {@link #URL_SIGNS}, the signs of an address: one pass over the
     * word, looking closer only at the characters a sign starts with (this runs per word of the book).
     */
    private static boolean urlish(char[] s, int start, int end) {
        for (int at = start; at < end; at++) {
            char c = s[at];
            if (c == '@' || c == ':' || c == '.' || c == 'w') {
                for (String sign : URL_SIGNS) {
                    if (sign.charAt(0) == c && at + sign.length() <= end && startsWith(s, at, sign)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * {@link Character#isUpperCase(char)}, answered at once for ASCII and for General Punctuation (U+2000–U+206F: the
     * curly quotes and dashes of most texts, none of them a capital).
     */
    private static boolean upperCase(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z';
        }
        return (c < 0x2000 || c > 0x206F) && Character.isUpperCase(c);
    }

    /** Splits {@code t} so that each acronym stands in a {@code span.caps}. */
    private static void smallCaps(TextNode t) {
        String s = t.getWholeText();
        Matcher m = ACRONYM.matcher(s);
        List<Node> pieces = new ArrayList<>();
        int from = 0;
        while (m.find()) {
            if (ROMAN.matcher(m.group(1)).matches()) {
                continue;
            }
            if (m.start() > from) {
                pieces.add(new TextNode(s.substring(from, m.start())));
            }
            pieces.add(new Element("span").addClass("caps").text(m.group(1)));
            from = m.end();
        }
        if (pieces.isEmpty()) {
            return;
        }
        if (from < s.length()) {
            pieces.add(new TextNode(s.substring(from)));
        }
        for (Node p : pieces) {
            t.before(p);
        }
        t.remove();
    }

    /**
     * Where a text stands, as its ancestors make it: inside verbatim text, inside a heading or the like, inside a
     * bare link, inside a quoted reading, and in which language. Worked out once on the way down the tree, rather than
     * by walking up from each text (a chapter has thousands).
     */
    private record Where(boolean verbatim, boolean noHyphens, boolean bareLink, boolean quoted, String lang, boolean sameLanguage) {
        static final Where ABOVE = new Where(false, false, false, false, null, false);

        Where into(Element e, String primary) {
            String name = e.normalName();
            boolean caps = e.hasClass("caps");
            boolean link = name.equals("a") && e.hasAttr("href") && e.attr("href").contains(":") && e.text().contains("/");
            String l = e.hasAttr("lang") ? e.attr("lang") : lang;
            boolean same = l == null ? sameLanguage : (l.equals(lang) ? sameLanguage : primary.equals(primary(l)));
            return new Where(verbatim || caps || VERBATIM.contains(name), noHyphens || caps || NO_HYPHENS.contains(name),
                    bareLink || link, quoted || e.attr("spellcheck").equals("false"), l, same);
        }
    }

    /** The texts under {@code e} that are not blank, in document order, each with where it stands. */
    private static void collect(Element e, Where where, String primary, List<TextNode> texts, List<Where> places) {
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                if (!t.isBlank()) {
                    texts.add(t);
                    places.add(where);
                }
            } else if (child instanceof Element c) {
                collect(c, where.into(c, primary), primary, texts, places);
            }
        }
    }

    /** Takes the soft hyphens out of the last word of {@code block} (its own text, not a note's inside it). */
    private static void keepLastWordWhole(Element block) {
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t && !t.isBlank()) {
                texts.add(t);
            }
        }, block);
        for (int i = texts.size() - 1; i >= 0; i--) {
            TextNode t = texts.get(i);
            if (!block.hasClass("note-p") && insideNote(t, block)) {
                continue;                       // a note inside the paragraph is not where the paragraph ends
            }
            String s = t.getWholeText();
            int end = s.length();
            while (end > 0 && !wordChar(s.charAt(end - 1))) {
                end--;
            }
            if (end > 0) {
                int start = end;
                while (start > 0 && wordChar(s.charAt(start - 1))) {
                    start--;
                }
                if (s.substring(start, end).indexOf(SHY) >= 0) {
                    t.text(s.substring(0, start) + s.substring(start, end).replace(String.valueOf(SHY), "") + s.substring(end));
                }
                return;
            }
        }
    }

    private static boolean insideNote(Node n, Element block) {
        for (Element p = parentOf(n); p != null && p != block; p = p.parent()) {
            if (p.hasClass("note")) {
                return true;
            }
        }
        return false;
    }

    private static Element parentOf(Node n) {
        Node p = n.parent();
        return p instanceof Element e ? e : null;
    }

    private static String primary(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-');
        return dash < 0 ? t : t.substring(0, dash);
    }
}
