package org.bookbinder.annotate.citations;

import org.bookbinder.annotate.notes.NoteBlock;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.diagnostics.DidYouMean;
import org.bookbinder.load.BookConfig;
import org.bookbinder.load.Chapter;
import org.bookbinder.load.Manuscript;
import org.bookbinder.load.SourcePositions;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.InlineFootnote;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The annotate passes of citations, for one book.
 *
 * <ol>
 *   <li>{@link #prepare} (each chapter, in parallel, before notes are numbered): checks every key against the
 *       bibliography, and in a notes style turns each citation of the main text into an inline note, so that the
 *       notes feature numbers it with the author's notes (the note reference goes after the punctuation that follows
 *       the citation, as pandoc and CMOS put it). A citation inside an author's note stays in that note. An in-text
 *       citation ({@code As @nimmo1988 shows}) keeps the names in the text and puts the citation in a note after
 *       them.</li>
 *   <li>{@link #format} (each chapter after its notes are numbered: in reading order when notes are numbered through
 *       the book; in any order, and in parallel, when they are numbered per chapter): works out each cite's position —
 *       {@code first}, {@code subsequent}, {@code ibid}, {@code ibid-with-locator}, {@code near-note}, as CSL defines
 *       them — and formats it. When notes are numbered per chapter (the default), positions start afresh in each
 *       chapter, so a work's first citation in every chapter is given in full: CMOS
 *       gives the full form again at a work's first citation in a new chapter, so that a reader who opens a
 *       chapter needs no note from another. With {@code notes: {numbering: book}} positions run through the
 *       book.</li>
 *   <li>{@link #bibliography}: the works cited (or all, with {@code nocite: all}), as the style sorts them.</li>
 * </ol>
 *
 * How a citation is written: in a note of its own, as the style's note ("William F. Nimmo, <i>Behind a Curtain of
 * Silence</i> (Greenwood Press, 1988), 84."), the first letter capitalised; inside an author's note, in parentheses
 * with the parentheses of the citation itself made brackets, as CMOS does for parentheses within parentheses
 * ("(Nimmo, <i>Behind a Curtain of Silence</i> [Greenwood Press, 1988], 84)"); in an author-date style, in the text
 * ("(Nimmo 1988, 84)"), an in-text citation as "Nimmo (1988, 84)". {@code [-@key]} leaves the author out.
 */
public final class Citations {
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[.,;:!?]+");
    private static final Pattern TRAILING_TAGS = Pattern.compile("((?:</[a-z]+>)*)$");
    private static final Pattern TRAILING_QUOTES = Pattern.compile("([\u201D\u2019]+)((?:</[a-z]+>)*)$");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("(?s).*[.?!][\u201D\u2019]*");
    private static final String[] SLUGS = {"bibliography", "references", "works-cited"};

    private final BookConfig config;
    private final Optional<Bibliography> bibliography;
    private final Diagnostics diagnostics;
    private final Optional<CitationStyle> style;
    private final Optional<CitationLocale> locale;
    private final List<String> chapterOrder;
    private final Map<String, List<String>> keysByChapter = new ConcurrentHashMap<>();
    private final Map<String, String> anchors = new HashMap<>();
    private final String slug;
    /** The works each chapter cites, in the order formatted; the bibliography takes them in reading order. */
    private final Map<String, List<String>> citedByChapter = new ConcurrentHashMap<>();
    /** The cites before, through the book (notes numbered through the book: chapters formatted in reading order). */
    private final History bookHistory = new History();
    /** The works cited, in the order of first citation, for the formatters (made once, on first use). */
    private List<String> registered;
    /**
     * Formatters not in use: a formatter (citeproc's processors) is not thread-safe, so chapters formatted at once
     * each take one of their own, and give it back; every formatter gives the same result for the same cite.
     */
    private final Deque<CitationFormatter> idle = new ArrayDeque<>();
    /** Every formatter made, for {@link #citeprocCalls}. */
    private final List<CitationFormatter> formatters = new ArrayList<>();
    /** What the formatters have formatted, shared among them. */
    private final ConcurrentHashMap<String, String> formatted = new ConcurrentHashMap<>();
    /** The formatters' citeproc processors, by style variant, shared among them. */
    private final ConcurrentHashMap<String, CitationFormatter.Processor> processors = new ConcurrentHashMap<>();
    /** Set when a chapter cites a key the bibliography lacks: the build fails, nothing is formatted. */
    private volatile boolean unresolved;

    private Citations(Manuscript manuscript, Diagnostics diagnostics) {
        this.config = manuscript.config();
        this.bibliography = manuscript.bibliography();
        this.diagnostics = diagnostics;
        this.chapterOrder = manuscript.chapters().stream().map(Chapter::file).toList();
        this.style = bibliography.flatMap(b -> manuscript.citationStyle().isPresent()
                ? manuscript.citationStyle().get().style(diagnostics)
                : CitationStyle.load(manuscript.bookDir(), config, diagnostics));
        this.locale = style.map(s -> CitationLocale.of(config.language(), s).orElseGet(() -> {
            BookConfig.Position at = config.position("language");
            diagnostics.warning(Code.CITE_008, "book.yaml", at.line(), at.column(), "there is no CSL locale for the language '"
                    + config.language() + "': citations use American English terms and dates");
            return CitationLocale.of("en-US", s).orElseThrow();
        }));
        Set<String> taken = new HashSet<>();
        manuscript.chapters().forEach(c -> taken.add(c.slug()));
        String s = null;
        for (int n = 1; s == null; n++) {
            for (String candidate : SLUGS) {
                String name = n == 1 ? candidate : candidate + "-" + n;
                if (!taken.contains(name)) {
                    s = name;
                    break;
                }
            }
        }
        this.slug = s;
        Set<String> ids = new HashSet<>();
        bibliography.ifPresent(b -> b.ids().forEach(key -> {
            String id = "ref-" + key.replaceAll("[^A-Za-z0-9_.-]", "-");
            String unique = id;
            for (int n = 2; !ids.add(unique); n++) {
                unique = id + "-" + n;
            }
            anchors.put(key, unique);
        }));
    }

    /** The citations of {@code manuscript}: loads the citation style (reporting a bad one) when it has a bibliography. */
    public static Citations of(Manuscript manuscript, Diagnostics diagnostics) {
        return new Citations(manuscript, diagnostics);
    }

    private boolean enabled() {
        return style.isPresent() && locale.isPresent();
    }

    /**
     * Checks the keys of one chapter and, in a notes style, makes the main text's citations notes. Thread-safe:
     * chapters are prepared in parallel.
     */
    public void prepare(String file, Node document) {
        List<Citation> citations = collect(document);
        List<String> keys = new ArrayList<>();
        boolean reported = false;
        for (Citation citation : citations) {
            for (Cite cite : cites(citation)) {
                keys.add(cite.key());
                Node at = cite.getSourceSpans().isEmpty() ? citation : cite;
                if (bibliography.isEmpty()) {
                    if (!reported) {
                        reported = true;
                        diagnostics.error(Code.CITE_007, file, SourcePositions.line(at), SourcePositions.column(at), "the chapter cites '" + cite.source()
                                + "' but book.yaml names no bibliography (add e.g. 'bibliography: chapters/references.json')"
                                + (citation.inText() ? "; for an @ that is no citation, write \\@" : ""));
                    }
                } else if (bibliography.get().entry(cite.key()).isEmpty()) {
                    unresolved = true;
                    Optional<String> near = DidYouMean.nearest(cite.key(), bibliography.get().ids());
                    diagnostics.error(Code.CITE_001, file, SourcePositions.line(at), SourcePositions.column(at), "unknown citation key '" + cite.key() + "'"
                            + near.map(n -> " (did you mean '" + n + "'?)").orElse(" (it is not in " + bibliography.get().file() + ")")
                            + (citation.inText() && near.isEmpty() ? "; for an @ that is no citation, write \\@" : ""));
                }
            }
        }
        keysByChapter.put(file, keys);
        if (enabled() && style.get().notes) {
            for (Citation citation : citations) {
                if (!inNote(citation)) {
                    makeNote(citation);
                }
            }
        }
    }

    /** A citation of the main text becomes a note; an in-text one keeps its names and gets a note after them. */
    private void makeNote(Citation citation) {
        InlineFootnote note = new InlineFootnote();
        if (citation.inText()) {
            citation.namesOnly = true;
            Cite original = cites(citation).get(0);
            Citation inNote = new Citation(false);
            inNote.ownNote = true;
            inNote.setSourceSpans(citation.getSourceSpans());
            Cite cite = new Cite(original.key(), original.source());
            cite.setSourceSpans(original.getSourceSpans());
            CiteAffix suffix = original.suffix();
            if (suffix != null) {
                cite.appendChild(suffix);
            }
            inNote.appendChild(cite);
            note.appendChild(inNote);
            citation.insertAfter(note);
        } else {
            citation.ownNote = true;
            citation.insertBefore(note);
            note.appendChild(citation);
            while (note.getPrevious() instanceof SoftLineBreak breakBefore) {
                breakBefore.unlink();
            }
            if (note.getPrevious() instanceof Text before) {
                String trimmed = before.getLiteral().stripTrailing();
                if (trimmed.isEmpty()) {
                    before.unlink();
                } else {
                    before.setLiteral(trimmed);
                }
            }
        }
        if (note.getNext() instanceof Text after) {
            Matcher m = LEADING_PUNCTUATION.matcher(after.getLiteral());
            if (m.find()) {
                String punctuation = m.group();
                String rest = after.getLiteral().substring(m.end());
                if (rest.isEmpty()) {
                    after.unlink();
                } else {
                    after.setLiteral(rest);
                }
                if (note.getPrevious() instanceof Text before) {
                    before.setLiteral(punctuationAfter(before.getLiteral(), punctuation));
                } else {
                    note.insertBefore(new Text(punctuation));
                }
            }
        }
        // An author's note right after it ("… 1950 [@a].^[On …]") takes the citation first, rather than two
        // note references standing side by side.
        if (!citation.inText() && note.getNext() instanceof InlineFootnote authors) {
            authors.prependChild(new Text(" "));
            authors.prependChild(citation);
            note.unlink();
        }
    }

    /** {@code text} followed by {@code punctuation}, a period or comma inside closing quotes where the locale wants it. */
    private String punctuationAfter(String text, String punctuation) {
        if (locale.get().punctuationInQuote && (punctuation.startsWith(".") || punctuation.startsWith(","))) {
            int quotes = text.length();
            while (quotes > 0 && (text.charAt(quotes - 1) == '\u201D' || text.charAt(quotes - 1) == '\u2019')) {
                quotes--;
            }
            if (quotes < text.length() && quotes > 0 && text.charAt(quotes - 1) != '.' && text.charAt(quotes - 1) != ',') {
                return text.substring(0, quotes) + punctuation.charAt(0) + text.substring(quotes) + punctuation.substring(1);
            }
        }
        return text + punctuation;
    }

    /**
     * Formats the citations of one chapter, after its notes are numbered. With notes numbered through the book, call
     * it for each chapter in reading order (a work's first citation in the book is given in full); numbered per
     * chapter, each chapter starts afresh, so chapters may be formatted in any order, at once. Thread-safe then.
     */
    public void format(String file, Node document) {
        if (!enabled() || unresolved) {
            return;
        }
        boolean perChapter = config.noteNumbering() == BookConfig.NoteNumbering.CHAPTER;
        History history = perChapter ? new History() : bookHistory;
        List<String> cited = new ArrayList<>();
        CitationFormatter formatter = takeFormatter();
        try {
            for (Citation citation : collect(document)) {
                if (citation.getParent() != null) {
                    format(citation, formatter, history, cited);
                }
            }
        } finally {
            giveBack(formatter);
        }
        citedByChapter.put(file, cited);
    }

    /** The works cited in the book, in the order they are first cited. */
    private synchronized List<String> registered() {
        if (registered == null) {
            Set<String> keys = new LinkedHashSet<>();
            for (String chapter : chapterOrder) {
                keysByChapter.getOrDefault(chapter, List.of()).stream()
                        .filter(k -> bibliography.get().entry(k).isPresent()).forEach(keys::add);
            }
            if (config.nociteAll()) {
                keys.addAll(bibliography.get().ids());
            }
            registered = List.copyOf(keys);
        }
        return registered;
    }

    private CitationFormatter takeFormatter() {
        List<String> keys = registered();
        synchronized (idle) {
            if (!idle.isEmpty()) {
                return idle.pop();
            }
        }
        CitationFormatter f = new CitationFormatter(style.get(), locale.get(), bibliography.get(), keys, formatted, processors);
        synchronized (idle) {
            formatters.add(f);
        }
        return f;
    }

    private void giveBack(CitationFormatter formatter) {
        synchronized (idle) {
            idle.push(formatter);
        }
    }

    private void format(Citation citation, CitationFormatter formatter, History history, List<String> cited) {
        citation.formatted = true;
        CitationStyle s = style.get();
        List<Cite> cites = cites(citation);
        for (Cite cite : cites) {
            readLocator(cite);
            cite.href = s.hasBibliography ? slug + ".xhtml#" + anchors.get(cite.key()) : null;
            cited.add(cite.key());
        }
        if (citation.namesOnly) {
            Cite cite = cites.get(0);
            String names = formatter.names(cite.key());
            cite.xhtml = names != null ? names : formatter.format(new CitationFormatter.Request(cite.key(), Set.of("subsequent"), null, false));
            absorbPeriod(citation);
            return;
        }
        Integer note = enclosingNote(citation);
        List<Set<String>> positions = history.positions(cites, note, s.nearNoteDistance);
        boolean parenthetical = s.notes && !citation.ownNote;
        Cite only = cites.get(0);
        String names = citation.inText() ? formatter.names(only.key()) : null;
        if (names != null) {
            String rest = formatter.format(new CitationFormatter.Request(only.key(), positions.get(0), only.locator, true));
            only.xhtml = names;
            if (parenthetical) {
                only.tail = rest.isEmpty() ? "" : " (" + brackets(rest);
                citation.close = rest.isEmpty() ? "" : ")";
            } else {
                String open = s.layoutPrefix.isEmpty() ? "(" : s.layoutPrefix;
                only.tail = rest.isEmpty() ? "" : " " + open + rest;
                citation.close = rest.isEmpty() ? "" : s.layoutSuffix.isEmpty() ? ")" : s.layoutSuffix;
            }
            return;
        }
        for (int i = 0; i < cites.size(); i++) {
            Cite cite = cites.get(i);
            String xhtml = formatter.format(new CitationFormatter.Request(cite.key(), positions.get(i), cite.locator,
                    cite.suppressAuthor));
            cite.xhtml = parenthetical ? brackets(xhtml) : xhtml;
            cite.delimiter = i + 1 < cites.size() ? s.layoutDelimiter : "";
        }
        citation.open = parenthetical ? "(" : s.notes ? "" : s.layoutPrefix;
        citation.close = parenthetical ? ")" : s.layoutSuffix;
        for (Cite cite : cites) {
            cite.delimiter = attach(cite, cite.delimiter);
        }
        citation.close = attach(cites.get(cites.size() - 1), citation.close);
        if (citation.ownNote) {
            capitalise(cites.get(0));
        }
        absorbPeriod(citation);
    }

    /** A sentence's period after a citation that ends with one ("so did Cienciala et al.") is not repeated. */
    private static void absorbPeriod(Citation citation) {
        Cite last = cites(citation).get(cites(citation).size() - 1);
        String end = citation.close.isEmpty() && last.suffix() == null && last.delimiter.isEmpty()
                ? TRAILING_TAGS.matcher(last.xhtml + last.tail).replaceFirst("") : citation.close;
        if (end.endsWith(".") && citation.getNext() instanceof Text next && next.getLiteral().startsWith(".")
                && !next.getLiteral().startsWith("..")) {
            if (next.getLiteral().length() == 1) {
                next.unlink();
            } else {
                next.setLiteral(next.getLiteral().substring(1));
            }
        }
    }

    /** Puts punctuation that follows a cite where it belongs: inside closing quotes, or away after a period. */
    private String attach(Cite cite, String punctuation) {
        if (punctuation.isEmpty() || !(punctuation.startsWith(".") || punctuation.startsWith(","))) {
            return punctuation;
        }
        CiteAffix suffix = cite.suffix();
        if (suffix != null) {
            if (suffix.getLastChild() instanceof Text t && punctuation.startsWith(".")
                    && ENDS_SENTENCE.matcher(t.getLiteral()).matches()) {
                return punctuation.substring(1);
            }
            return punctuation;
        }
        String visible = TRAILING_TAGS.matcher(cite.xhtml + cite.tail).replaceFirst("");
        if (punctuation.startsWith(".") && ENDS_SENTENCE.matcher(visible).matches()) {
            return punctuation.substring(1);
        }
        if (locale.get().punctuationInQuote && cite.tail.isEmpty()) {
            Matcher m = TRAILING_QUOTES.matcher(cite.xhtml);
            if (m.find()) {
                cite.xhtml = cite.xhtml.substring(0, m.start()) + punctuation.charAt(0) + m.group(1) + m.group(2);
                return punctuation.substring(1);
            }
        }
        return punctuation;
    }

    /** The first letter of a note capitalised: "See Nimmo …", "Ibid." */
    private static void capitalise(Cite first) {
        CiteAffix prefix = first.prefix();
        if (prefix != null) {
            if (prefix.getFirstChild() instanceof Text t && !t.getLiteral().isEmpty()) {
                t.setLiteral(upperFirst(t.getLiteral()));
            }
            return;
        }
        String x = first.xhtml;
        for (int i = 0; i < x.length(); i++) {
            char c = x.charAt(i);
            if (c == '<') {
                i = x.indexOf('>', i);
                if (i < 0) {
                    return;
                }
            } else if (c == '&') {
                return;
            } else {
                first.xhtml = x.substring(0, i) + upperFirst(x.substring(i));
                return;
            }
        }
    }

    private static String upperFirst(String s) {
        int cp = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(cp)).append(s.substring(Character.charCount(cp))).toString();
    }

    /** Parentheses in a citation that stands in parentheses become brackets, as CMOS does. */
    static String brackets(String xhtml) {
        StringBuilder out = new StringBuilder(xhtml.length());
        boolean inTag = false;
        for (char c : xhtml.toCharArray()) {
            if (c == '<') {
                inTag = true;
            } else if (c == '>') {
                inTag = false;
            }
            out.append(inTag ? c : c == '(' ? '[' : c == ')' ? ']' : c);
        }
        return out.toString();
    }

    /** Reads the locator off the start of the cite's suffix, which keeps the rest. */
    private void readLocator(Cite cite) {
        CiteAffix suffix = cite.suffix();
        if (cite.locator != null || suffix == null || !(suffix.getFirstChild() instanceof Text first)) {
            return;
        }
        Locator.Split split = Locator.parse(first.getLiteral(), locale.get().locatorTerms);
        cite.locator = split.locator().orElse(null);
        if (split.rest().isEmpty()) {
            first.unlink();
            if (suffix.getFirstChild() == null) {
                suffix.unlink();
            }
        } else {
            first.setLiteral(split.rest());
        }
    }

    /** The bibliography page's content: the works cited, or every entry with {@code nocite: all}. */
    public Optional<FormattedBibliography> bibliography() {
        if (!enabled() || unresolved || citedByChapter.isEmpty() && !config.nociteAll()) {
            return Optional.empty();
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String chapter : chapterOrder) {
            keys.addAll(citedByChapter.getOrDefault(chapter, List.of()));
        }
        if (config.nociteAll()) {
            keys.addAll(bibliography.get().ids());
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        if (!style.get().hasBibliography) {
            BookConfig.Position at = config.position("citation-style");
            diagnostics.warning(Code.CITE_009, "book.yaml", at.line(), at.column(), "the citation style '" + style.get().name
                    + "' has no bibliography layout: the book has no bibliography page");
            return Optional.empty();
        }
        CitationFormatter formatter = takeFormatter();
        List<FormattedBibliography.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, String> e : formatter.bibliography(keys)) {
            entries.add(new FormattedBibliography.Entry(e.getKey(), anchors.get(e.getKey()), e.getValue()));
        }
        giveBack(formatter);
        return Optional.of(new FormattedBibliography(slug, style.get().notes ? "Bibliography" : "References", entries));
    }

    /** How many calls to citeproc the book took (for tests of the cache). */
    int citeprocCalls() {
        synchronized (idle) {
            return formatters.stream().mapToInt(CitationFormatter::calls).sum();
        }
    }

    /** The citations under {@code root}, in document order. */
    private static List<Citation> collect(Node root) {
        List<Citation> found = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof Citation c) {
                    found.add(c);
                } else {
                    visitChildren(node);
                }
            }

            @Override
            public void visit(org.commonmark.node.CustomBlock block) {
                visitChildren(block);
            }
        });
        return found;
    }

    private static List<Cite> cites(Citation citation) {
        List<Cite> cites = new ArrayList<>();
        for (Node n = citation.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Cite c) {
                cites.add(c);
            }
        }
        return cites;
    }

    private static boolean inNote(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof FootnoteDefinition || p instanceof InlineFootnote || p instanceof NoteBlock) {
                return true;
            }
        }
        return false;
    }

    private static Integer enclosingNote(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof NoteBlock b) {
                return b.number();
            }
        }
        return null;
    }

    /** What CSL positions need to know of the cites before: each work's last cite, and the citation before. */
    private static final class History {
        private record Last(Integer note, Locator locator) {
        }

        private final Map<String, Last> last = new HashMap<>();
        private List<Cite> previous = List.of();

        void clear() {
            last.clear();
            previous = List.of();
        }

        /** The position values of each cite of a citation, which is then remembered. */
        List<Set<String>> positions(List<Cite> cites, Integer note, int nearNoteDistance) {
            List<Set<String>> out = new ArrayList<>();
            for (int i = 0; i < cites.size(); i++) {
                Cite cite = cites.get(i);
                Last before = last.get(cite.key());
                Set<String> p = new HashSet<>();
                if (before == null) {
                    p.add("first");
                } else {
                    p.add("subsequent");
                    Cite preceding = i > 0 ? cites.get(i - 1) : previous.size() == 1 ? previous.get(0) : null;
                    if (preceding != null && preceding.key().equals(cite.key())) {
                        Locator was = preceding.locator;
                        Locator is = cite.locator;
                        if (is == null && was == null || is != null && is.equals(was)) {
                            p.add("ibid");
                        } else if (is != null) {
                            p.add("ibid");
                            p.add("ibid-with-locator");
                        }
                    }
                    if (note != null && before.note() != null && note - before.note() <= nearNoteDistance) {
                        p.add("near-note");
                    }
                }
                out.add(Set.copyOf(p));
                last.put(cite.key(), new Last(note, cite.locator));
            }
            previous = cites;
            return out;
        }
    }
}
