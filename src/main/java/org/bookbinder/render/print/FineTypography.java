package org.bookbinder.render.print;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.Arrays;
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
    /**
     * Blocks whose last word keeps whole, so that no paragraph ends in a fragment of a word: these elements, a
     * {@code span.note-p} and any {@code .csl-entry} (see {@link #block}).
     */
    private static final Set<String> BLOCKS = Set.of("p", "li", "dd", "td", "figcaption");
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
    /** The ASCII characters that one of {@link #URL_SIGNS} starts with. */
    private static final boolean[] SIGN_START = new boolean[0x80];

    static {
        for (String sign : URL_SIGNS) {
            SIGN_START[sign.charAt(0)] = true;
        }
    }

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
        List<Element> blocks = new ArrayList<>();
        if (block(body, ClassNames.of(body))) {
            blocks.add(body);
        }
        collect(body, top, primary, texts, places, blocks);
        HyphenatedWords words = hyphenator.map(HyphenatedWords::of).orElse(null);
        Scratch scratch = new Scratch();
        for (int i = 0; i < texts.size(); i++) {
            TextNode t = texts.get(i);
            Where where = places.get(i);
            if (where.verbatim) {
                continue;
            }
            String original = t.getWholeText();
            // The scans below read the text as an array: String.charAt costs several calls a character in a JVM that
            // runs only the C1 compiler.
            char[] chars = scratch.text(original);
            boolean running = !where.noHyphens && !where.bareLink && !where.quoted;
            int found;
            String s;
            if (running && words != null && (where.lang == null || where.sameLanguage)) {
                s = hyphenate(original, chars, words, scratch, true);      // and the candidates, in the same scan
                found = scratch.found;
                String spaced = noBreaks(original, found);
                if (spaced != original) {                                  // seldom: the text with no-break spaces
                    s = hyphenate(spaced, scratch.text(spaced), words, scratch, false);
                }
            } else {
                found = candidates(chars, original.length());
                s = noBreaks(original, found);
            }
            if (s != original) {
                t.text(s);
            }
            if (running && (found & TWO_CAPITALS) != 0) {    // no-break and soft hyphens come between no two capitals
                smallCaps(t);
            }
        }
        for (Element block : blocks) {
            keepLastWordWhole(block, ClassNames.has(ClassNames.of(block), "note-p"));
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

    /**
     * One scan of the text {@code s[0, n)} for what each no-break pattern needs, and for two capitals: a set of the
     * flags above.
     */
    static int candidates(char[] s, int n) {
        int found = 0;
        for (int i = 0; i < n; i++) {
            char c = s[i];
            if (c < 'a' || c > 'z') {               // most characters: nothing a pattern starts or ends with
                found = candidatesAt(s, n, i, found);
            }
        }
        return found;
    }

    /** {@code found} with the flags of what {@code s[i]} (not a lower-case ASCII letter) starts or ends. */
    private static int candidatesAt(char[] s, int n, int i, int found) {
        char c = s[i];
        if (upperCase(c)) {
            if (i > 0 && upperCase(s[i - 1])) {
                found |= TWO_CAPITALS;
            }
        } else if (c == '…') {
            found |= ELLIPSIS;
        } else if (c == ' ' || c == '\t' || c == '\n') {
            if (i + 1 < n) {
                char next = s[i + 1];
                if (next >= '0' && next <= '9') {
                    if ((found & SPACE_DIGIT) == 0 && monthEndsBefore(s, i)) {
                        found |= SPACE_DIGIT;
                    }
                } else if (next == 'I' || next == 'V' || next == 'X') {
                    if ((found & SPACE_NUMERAL) == 0 && numeralAt(s, i + 1, n)) {
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
     * Whether the run of the letters I, V and X at {@code s[at]} ends the word (the text ends at {@code n}), where
     * {@link #REGNAL} may find a Roman numeral: not so in a word that only starts with one of them (Valsor, Ivanov,
     * Xenia), nor before a digit. A character that is neither an ASCII letter nor a digit is left to the pattern.
     */
    private static boolean numeralAt(char[] s, int at, int n) {
        int end = at;
        while (end < n && (s[end] == 'I' || s[end] == 'V' || s[end] == 'X')) {
            end++;
        }
        if (end == n) {
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
     * regular expressions: this runs over every word of the book, so it reads each character once, as part of a run of
     * letters or not, and looks at the whitespace-separated token around a word only when the word would be
     * hyphenated. {@code chars} hold the characters of {@code s}; {@code s} itself comes back when no word gets a soft
     * hyphen (the text is copied only from the first that does, into {@code scratch}). With {@code find}, the same
     * scan finds what {@link #candidates} does, into {@link Scratch#found}: the text is read once for both.
     */
    static String hyphenate(String s, char[] chars, HyphenatedWords words, Scratch scratch, boolean find) {
        int found = 0;
        char[] out = null;
        int size = 0;                            // out[0, size) holds chars[0, copied), hyphenated
        int copied = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = chars[i];
            if (!letter(c)) {
                if (find) {
                    found = candidatesAt(chars, n, i, found);
                }
                i++;
                continue;
            }
            int start = i;                       // a run of letters, chars[start, i)
            boolean lower = true;
            boolean signs = false;               // whether a letter in it may start one of URL_SIGNS
            int hash = 0;
            while (true) {
                if (c >= 'a' && c <= 'z') {     // the commonest case first
                    signs |= SIGN_START[c];
                } else if (letter(c)) {
                    lower &= lowerCase(c);
                    signs |= c < 0x80 && SIGN_START[c];
                    if (find) {
                        found = candidatesAt(chars, n, i, found);
                    }
                } else {
                    break;
                }
                hash = HyphenatedWords.hash(hash, c);
                if (++i == n) {
                    break;
                }
                c = chars[i];
            }
            // A word between spaces with no letter that starts an address sign is no address (most words).
            boolean bare = !signs && (start == 0 || whitespace(chars[start - 1])) && (i == n || whitespace(chars[i]));
            if (lower && i - start >= MIN_WORD && (start == 0 || !joins(chars[start - 1])) && (i == n || !joins(chars[i]))
                    && (bare || !inUrl(chars, n, start, i, signs))) {
                char[] form = words.hyphenate(chars, start, i, hash);
                if (form != null) {
                    if (out == null) {
                        out = scratch.out(n + n / 4 + form.length);
                    }
                    int more = start - copied + form.length;
                    if (size + more > out.length) {
                        out = scratch.grow(size + more + n / 4);
                    }
                    System.arraycopy(chars, copied, out, size, start - copied);
                    size += start - copied;
                    System.arraycopy(form, 0, out, size, form.length);
                    size += form.length;
                    copied = i;
                }
            }
        }
        scratch.found = found;
        if (out == null) {
            return s;
        }
        if (size + n - copied > out.length) {
            out = scratch.grow(size + n - copied);
        }
        System.arraycopy(chars, copied, out, size, n - copied);
        return new String(out, 0, size + n - copied);
    }

    /**
     * Whether the whitespace-separated token around the word {@code s[start, end)} holds one of {@link #URL_SIGNS}
     * (the text ends at {@code n}). {@code signs}: whether a letter of the word may start one; if not, only the
     * characters of the token before and after the word are looked at.
     */
    private static boolean inUrl(char[] s, int n, int start, int end, boolean signs) {
        int from = start;
        while (from > 0 && !whitespace(s[from - 1])) {
            from--;
        }
        int to = end;
        while (to < n && !whitespace(s[to])) {
            to++;
        }
        return urlish(s, from, start, to) || (signs && urlish(s, start, end, to)) || urlish(s, end, to, to);
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
     * Whether one of {@link #URL_SIGNS}, the signs of an address, starts in {@code s[start, end)} and ends by
     * {@code limit}: looking closer only at the characters a sign starts with.
     */
    private static boolean urlish(char[] s, int start, int end, int limit) {
        for (int at = start; at < end; at++) {
            char c = s[at];
            if (c < 0x80 && SIGN_START[c]) {
                for (String sign : URL_SIGNS) {
                    if (sign.charAt(0) == c && at + sign.length() <= limit && startsWith(s, at, sign)) {
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
     * The character arrays one {@link #apply} reads its texts into and writes hyphenated texts in, grown as needed
     * and used again for every text (a chapter has thousands).
     */
    static final class Scratch {
        private char[] text = new char[1024];
        private char[] out = new char[1024];
        /** What the last {@link #hyphenate} that was asked to find them found of the {@link #candidates}. */
        int found;

        /** The characters of {@code s}, at the start of the array. */
        char[] text(String s) {
            if (text.length < s.length()) {
                text = new char[Math.max(s.length(), text.length * 2)];
            }
            s.getChars(0, s.length(), text, 0);
            return text;
        }

        /** The output array, at least {@code capacity} long (what it holds is not kept). */
        char[] out(int capacity) {
            if (out.length < capacity) {
                out = new char[Math.max(capacity, out.length * 2)];
            }
            return out;
        }

        /** The output array, at least {@code capacity} long, with what it holds. */
        char[] grow(int capacity) {
            if (out.length < capacity) {
                out = Arrays.copyOf(out, Math.max(capacity, out.length * 2));
            }
            return out;
        }
    }

    /**
     * Where a text stands, as its ancestors make it: inside verbatim text, inside a heading or the like, inside a
     * bare link, inside a quoted reading, and in which language. Worked out once on the way down the tree, rather than
     * by walking up from each text (a chapter has thousands).
     */
    private record Where(boolean verbatim, boolean noHyphens, boolean bareLink, boolean quoted, String lang, boolean sameLanguage) {
        static final Where ABOVE = new Where(false, false, false, false, null, false);

        Where into(Element e, String primary) {
            return into(e, ClassNames.of(e), primary);
        }

        /** {@link #into(Element, String)}, {@code classes} being the element's {@link ClassNames#of}. */
        Where into(Element e, String classes, String primary) {
            String name = e.normalName();
            if (e.attributesSize() == 0) {      // most elements: only the name can change where the text stands
                boolean v = VERBATIM.contains(name);
                boolean h = NO_HYPHENS.contains(name);
                return (v && !verbatim) || (h && !noHyphens)
                        ? new Where(verbatim || v, noHyphens || h, bareLink, quoted, lang, sameLanguage) : this;
            }
            boolean caps = ClassNames.has(classes, "caps");
            boolean link = name.equals("a") && e.hasAttr("href") && e.attr("href").contains(":") && e.text().contains("/");
            String l = e.hasAttr("lang") ? e.attr("lang") : lang;
            boolean same = l == null ? sameLanguage : (l.equals(lang) ? sameLanguage : primary.equals(primary(l)));
            return new Where(verbatim || caps || VERBATIM.contains(name), noHyphens || caps || NO_HYPHENS.contains(name),
                    bareLink || link, quoted || e.attr("spellcheck").equals("false"), l, same);
        }
    }

    /**
     * The texts under {@code e} that are not blank, in document order, each with where it stands, and the
     * {@link #block}s under it. (By index: {@link Element#childNodes} copies the list.)
     */
    private static void collect(Element e, Where where, String primary, List<TextNode> texts, List<Where> places,
                                List<Element> blocks) {
        for (int i = 0; i < e.childNodeSize(); i++) {
            Node child = e.childNode(i);
            if (child instanceof TextNode t) {
                if (!t.isBlank()) {
                    texts.add(t);
                    places.add(where);
                }
            } else if (child instanceof Element c) {
                String classes = ClassNames.of(c);
                if (block(c, classes)) {
                    blocks.add(c);
                }
                collect(c, where.into(c, classes, primary), primary, texts, places, blocks);
            }
        }
    }

    /**
     * Whether {@code e} is one of the {@link #BLOCKS}, a {@code span.note-p} or a {@code .csl-entry}; {@code classes}
     * is its {@link ClassNames#of}.
     */
    private static boolean block(Element e, String classes) {
        String name = e.normalName();
        return BLOCKS.contains(name)
                || (name.equals("span") && ClassNames.has(classes, "note-p")) || ClassNames.has(classes, "csl-entry");
    }

    /**
     * Takes the soft hyphens out of the last word of a block {@code e} (its own text, not a note's inside it, unless
     * the block is a note's paragraph, {@code noteParagraph}): looks at the texts under {@code e} from the last, by
     * index, for the last that holds a word; returns whether it found one.
     */
    private static boolean keepLastWordWhole(Element e, boolean noteParagraph) {
        for (int i = e.childNodeSize() - 1; i >= 0; i--) {
            Node child = e.childNode(i);
            if (child instanceof TextNode t) {
                if (!t.isBlank() && keepWordWhole(t)) {
                    return true;
                }
            } else if (child instanceof Element c) {
                boolean note = !noteParagraph && ClassNames.has(ClassNames.of(c), "note");   // not where the paragraph ends
                if (!note && keepLastWordWhole(c, noteParagraph)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Takes the soft hyphens out of the last word of {@code t}; returns whether it holds a word. */
    private static boolean keepWordWhole(TextNode t) {
        String s = t.getWholeText();
        int end = s.length();
        while (end > 0 && !wordChar(s.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return false;
        }
        int start = end;
        while (start > 0 && wordChar(s.charAt(start - 1))) {
            start--;
        }
        if (s.substring(start, end).indexOf(SHY) >= 0) {
            t.text(s.substring(0, start) + s.substring(start, end).replace(String.valueOf(SHY), "") + s.substring(end));
        }
        return true;
    }

    private static String primary(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-');
        return dash < 0 ? t : t.substring(0, dash);
    }
}
