package org.bookbinder.annotate.citations;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.DefaultAbbreviationProvider;
import de.undercouch.citeproc.DefaultLocaleProvider;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.bibtex.PageRange;
import de.undercouch.citeproc.csl.CSLCitation;
import de.undercouch.citeproc.csl.CSLCitationItem;
import de.undercouch.citeproc.csl.CSLCitationItemBuilder;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLLabel;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.internal.helper.NumberElement;
import de.undercouch.citeproc.csl.internal.helper.NumberParser;
import de.undercouch.citeproc.helper.NumberHelper;
import de.undercouch.citeproc.helper.PageRangeFormatter;
import de.undercouch.citeproc.output.Bibliography;
import org.bookbinder.render.Markup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats single cites and bibliography entries with citeproc-java, calling it as little as possible (DESIGN.md,
 * "Speed": about a millisecond a call even when warm).
 *
 * <p>A cite is formatted once for each distinct (work, positions the style tests, locator label, kind of locator
 * value, author suppressed or not): the locator's value is given to citeproc as a stand-in of the same kind — a
 * number, a range, or text — and the real value, formatted here (ranges by the style's {@code page-range-format},
 * hyphens made en dashes), takes the stand-in's place in the result. When the stand-in cannot be found exactly once
 * in the result, the cite is formatted with its real locator instead, and that result is cached too. One citeproc
 * processor is made for each {@link CitationStyle#variant variant} of the style that is needed (shared by the
 * formatters of one book, used by one thread at a time: a processor costs 5–45 ms to make), with every cited
 * work registered up front (so citation numbers, in numeric styles, never change and citeproc never re-renders;
 * in other styles unsorted, which saves citeproc's costly sorting).
 *
 * <p>"Suppress author" ({@code [-@key]}) is done by formatting a copy of the work whose author (or, without one, whose
 * editor) is a single stand-in name, and cutting the stand-in and the punctuation after it out of the result.
 * citeproc-java does not implement {@code suppress-author}. Not thread-safe; formatters sharing their results and
 * processors may each serve a thread of their own.
 */
final class CitationFormatter {
    private static final String ONE = "97531086";
    private static final String RANGE_END = "97531087";
    private static final String RANGE = ONE + "-" + RANGE_END;
    private static final Pattern RANGE_RENDERED = Pattern.compile(ONE + "[^0-9<>]{1,16}" + RANGE_END);
    private static final String TEXT = "\uE0B0";
    private static final String AUTHOR = "\uE0B1";
    private static final String DERIVED = "\u0000suppress-author";
    private static final Pattern AUTHOR_CUT = Pattern.compile(AUTHOR + "((?:</[a-z]+>)*)[\\s,.:;]*");
    private static final Pattern EMPTY_ELEMENT = Pattern.compile("<([a-z]+)(?: [^>]*)?></\\1>");
    private static final Pattern VOLUMES_TERM = Pattern.compile(
            "(<term name=\"number-of-volumes\"[^>]*>\\s*<single>)[^<]*(</single>\\s*<multiple>)([^<]*)(</multiple>)");
    private static final Pattern ENTRY = Pattern.compile("(?s)^<span class=\"csl-entry\">(.*)</span>$");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern DIGIT_RANGE = Pattern.compile("[0-9]+-[0-9]+");
    private static final Pattern NUMBER_RANGE = Pattern.compile("(\\d+)\\s*[-\u2013]\\s*(\\d+)");

    /** A cite to format: the work, its position values, its locator (or null) and whether to leave out the author. */
    record Request(String key, Set<String> positions, Locator locator, boolean suppressAuthor) {
    }

    private final CitationStyle style;
    private final CitationLocale locale;
    private final org.bookbinder.annotate.citations.Bibliography bibliography;
    private final List<String> registered;
    /** The processors by variant; shared by the formatters of one book, as {@link #formatted} is. */
    private final ConcurrentHashMap<String, Processor> processors;
    /** Formatted cites by what they depend on; shared by the formatters of one book, which give the same results. */
    private final Map<String, String> formatted;
    private final CiteprocHtml citationHtml = new CiteprocHtml(false);
    private final DefaultLocaleProvider locales = new PluralVolumes();
    private final DefaultAbbreviationProvider abbreviations = new DefaultAbbreviationProvider();
    private final ItemDataProvider items;
    /** Each distinct locator value's stand-in (empty: none), for citeproc's number parser costs about 10 µs a call. */
    private final Map<String, Optional<String>> standIns = new HashMap<>();
    private int calls;

    /**
     * @param cited the works the book cites, in the order they are first cited (numeric styles number them so)
     */
    CitationFormatter(CitationStyle style, CitationLocale locale, org.bookbinder.annotate.citations.Bibliography bibliography,
                      Collection<String> cited) {
        this(style, locale, bibliography, cited, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /**
     * A formatter that shares what it formats with others of the same book, through {@code formatted}, and its citeproc
     * processors, through {@code processors}: each formatter serves one thread at a time, a cite one has formatted
     * the others need not, and a processor one has made the others need not make.
     */
    CitationFormatter(CitationStyle style, CitationLocale locale, org.bookbinder.annotate.citations.Bibliography bibliography,
                      Collection<String> cited, ConcurrentHashMap<String, String> formatted,
                      ConcurrentHashMap<String, Processor> processors) {
        this.formatted = formatted;
        this.processors = processors;
        this.style = style;
        this.locale = locale;
        this.bibliography = bibliography;
        Map<String, CSLItemData> data = new HashMap<>();
        List<String> ids = new ArrayList<>(cited);
        for (String key : cited) {
            CSLItemData item = withShortTitle(bibliography.entry(key).orElseThrow().data());
            data.put(key, item);
            CSLItemData derived = withoutAuthor(item, key + DERIVED);
            if (derived != null) {
                data.put(key + DERIVED, derived);
                ids.add(key + DERIVED);
            }
        }
        this.registered = List.copyOf(ids);
        this.items = provider(data, registered);
    }

    private static ItemDataProvider provider(Map<String, CSLItemData> data, List<String> ids) {
        return new ItemDataProvider() {
            @Override
            public CSLItemData retrieveItem(String id) {
                return data.get(id);
            }

            @Override
            public Collection<String> getIds() {
                return ids;
            }
        };
    }

    /** How many times citeproc was asked to format a citation (for tests of the cache and for --timings). */
    int calls() {
        return calls;
    }

    /** The cite as XHTML, without the citation's own prefix, suffix or delimiters. */
    String format(Request request) {
        Locator locator = request.locator();
        String standIn = locator == null ? null
                : standIns.computeIfAbsent(locator.value(), v -> Optional.ofNullable(standIn(v))).orElse(null);
        boolean suppress = request.suppressAuthor() && items.retrieveItem(request.key() + DERIVED) != null;
        String variantKey = style.variantKey(request.positions(), locator == null ? null : locator.label());
        String cacheKey = request.key() + '\u0001' + variantKey + '\u0001' + (locator == null ? "" : locator.label() + '\u0001'
                + (standIn == null ? "=" + locator.value() : standIn)) + '\u0001' + suppress;
        String template = cached(cacheKey, () -> {
            String xhtml = citeproc(request, variantKey, standIn == null ? (locator == null ? null : locator.value()) : standIn, suppress);
            return suppress ? cutAuthor(xhtml, request, variantKey, standIn) : xhtml;
        });
        if (standIn == null) {
            return template;
        }
        String value = Markup.escape(formatValue(locator));
        if (standIn.equals(RANGE)) {
            Matcher m = RANGE_RENDERED.matcher(template);
            if (m.find() && !m.find()) {
                return RANGE_RENDERED.matcher(template).replaceFirst(Matcher.quoteReplacement(value));
            }
        } else if (count(template, standIn) == 1) {
            return template.replace(standIn, value);
        }
        // the stand-in did not come through unchanged: format this locator as it is
        return cached(cacheKey + '\u0001' + locator.value(), () -> {
            String xhtml = citeproc(request, variantKey, locator.value(), suppress);
            return suppress ? cutAuthor(xhtml, request, variantKey, locator.value()) : xhtml;
        });
    }

    /**
     * The cached result for {@code key}, else {@code format}'s, cached. Not {@code computeIfAbsent}, which would hold
     * other threads' keys back while citeproc works; two threads may then format the same cite, to the same result.
     */
    private String cached(String key, Supplier<String> format) {
        String known = formatted.get(key);
        if (known != null) {
            return known;
        }
        String xhtml = format.get();
        String had = formatted.putIfAbsent(key, xhtml);
        return had != null ? had : xhtml;
    }

    /** The result without the author: the stand-in name cut out, or the full cite if there was no author to cut. */
    private String cutAuthor(String xhtml, Request request, String variantKey, String locatorValue) {
        if (!xhtml.contains(AUTHOR)) {
            return citeproc(request, variantKey, locatorValue, false);
        }
        String cut = AUTHOR_CUT.matcher(xhtml).replaceFirst("$1");
        for (String before = null; !cut.equals(before); ) {
            before = cut;
            cut = EMPTY_ELEMENT.matcher(cut).replaceAll("");
        }
        return cut.strip();
    }

    private String citeproc(Request request, String variantKey, String locatorValue, boolean suppress) {
        Processor processor = processors.computeIfAbsent(variantKey, k -> new Processor());
        CSLCitationItemBuilder item = new CSLCitationItemBuilder(suppress ? request.key() + DERIVED : request.key());
        if (locatorValue != null) {
            item.locator(locatorValue).label(CSLLabel.fromString(request.locator().label()));
        }
        calls++;
        String html = processor.cite(() -> newProcessor(request.positions(),
                request.locator() == null ? null : request.locator().label()),
                new CSLCitation(new CSLCitationItem[]{item.build()}, null, null));
        return citationHtml.clean(html);
    }

    private CSL newProcessor(Set<String> positions, String label) {
        try {
            CSL csl = new CSL(items, locales, abbreviations, style.variant(positions, label), locale.lang);
            csl.setOutputFormat("html");
            // Registered up front, every processor numbers the works alike and never renumbers them. Only a
            // numeric style needs them sorted as its bibliography is; sorting costs about 100 ms a processor.
            csl.registerCitationItems(registered, !style.numbered);
            return csl;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The citeproc processor of one variant of the style, made by the first formatter that needs it and then used by
     * any, one thread at a time (citeproc-java's processors are not thread-safe). Each formatter's processors are
     * given the same works, locales and abbreviations, so it does not matter which formatter made it.
     */
    static final class Processor {
        private CSL csl;

        synchronized String cite(Supplier<CSL> make, CSLCitation citation) {
            if (csl == null) {
                csl = make.get();
            }
            return csl.makeCitation(citation).get(0).getText();
        }
    }

    /**
     * The bibliography entries of {@code keys}, sorted as the style sorts them, as XHTML with links kept; each
     * paired with its key.
     */
    List<Map.Entry<String, String>> bibliography(Collection<String> keys) {
        if (!style.hasBibliography || keys.isEmpty()) {
            return List.of();
        }
        Map<String, CSLItemData> data = new HashMap<>();
        for (String key : keys) {
            data.put(key, withShortTitle(bibliography.entry(key).orElseThrow().data()));
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(keys));
        ItemDataProvider provider = provider(data, ids);
        CiteprocHtml html = new CiteprocHtml(true);
        try {
            CSL csl = new CSL(provider, locales, abbreviations, style.variant(Set.of(), null), locale.lang);
            csl.setOutputFormat("html");
            csl.setConvertLinks(true);
            csl.registerCitationItems(ids);
            List<String> sorted = csl.getRegisteredItems().stream().map(CSLItemData::getId).toList();
            List<Map.Entry<String, String>> out = new ArrayList<>();
            for (String id : sorted) {
                Bibliography one = csl.makeBibliography(item -> item.getId().equals(id));
                if (one.getEntries().length == 1) {
                    String entry = html.clean(one.getEntries()[0]);
                    Matcher m = ENTRY.matcher(entry);
                    out.add(Map.entry(id, m.matches() ? m.group(1) : entry));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The authors' (else the editors') family names, as a sentence names them: "Nimmo", "A and B", "A et al.". */
    String names(String key) {
        CSLItemData data = bibliography.entry(key).orElseThrow().data();
        CSLName[] names = data.getAuthor() != null && data.getAuthor().length > 0 ? data.getAuthor() : data.getEditor();
        if (names == null || names.length == 0) {
            return null;
        }
        List<String> family = new ArrayList<>();
        for (CSLName n : names) {
            family.add(familyName(n));
        }
        if (family.size() >= style.etAlMin) {
            return Markup.escape(String.join(", ", family.subList(0, Math.max(1, style.etAlUseFirst))) + " " + locale.etAl);
        }
        if (family.size() == 1) {
            return Markup.escape(family.get(0));
        }
        if (family.size() == 2) {
            return Markup.escape(family.get(0) + " " + locale.and + " " + family.get(1));
        }
        return Markup.escape(String.join(", ", family.subList(0, family.size() - 1)) + ", " + locale.and + " "
                + family.get(family.size() - 1));
    }

    private static String familyName(CSLName n) {
        if (n.getLiteral() != null) {
            return n.getLiteral();
        }
        if (n.getFamily() == null) {
            return n.getGiven() == null ? "" : n.getGiven();
        }
        return n.getNonDroppingParticle() == null ? n.getFamily() : n.getNonDroppingParticle() + " " + n.getFamily();
    }

    /**
     * The work with a short title when it has none: the title up to its subtitle, as citeproc-js and pandoc derive it
     * (CSL 1.0.2 leaves this to the processor; citeproc-java does not), so short notes read "Nimmo, <i>Behind a
     * Curtain of Silence</i>".
     */
    static CSLItemData withShortTitle(CSLItemData item) {
        String title = item.getTitle();
        if (item.getTitleShort() != null || title == null) {
            return item;
        }
        int colon = title.indexOf(": ");
        return colon > 0 ? new CSLItemDataBuilder(item).titleShort(title.substring(0, colon)).build() : item;
    }

    /** A copy of the work whose author is a stand-in name (and that has no editor, when the editor was the author). */
    private static CSLItemData withoutAuthor(CSLItemData item, String id) {
        CSLName standIn = new CSLNameBuilder().literal(AUTHOR).build();
        CSLItemDataBuilder b = new CSLItemDataBuilder(item).id(id);
        if (item.getAuthor() != null && item.getAuthor().length > 0) {
            return b.author(standIn).build();
        }
        if (item.getEditor() != null && item.getEditor().length > 0) {
            return b.author(standIn).editor((CSLName[]) null).build();
        }
        return null;
    }

    /**
     * The CSL locales with the singular of {@code number-of-volumes} made plural: citeproc-java never makes that
     * label plural ("2 vol."), and a count of volumes is given only for works of several ("2 vols.").
     */
    private static final class PluralVolumes extends DefaultLocaleProvider {
        @Override
        public synchronized String retrieveLocale(String lang) {
            return VOLUMES_TERM.matcher(super.retrieveLocale(lang)).replaceAll("$1$3$2$3$4");
        }
    }

    /**
     * A stand-in of the same kind as the locator's value, or null when there is none to use. A page number and a range
     * of two ("84", "84-86") are told at a glance: citeproc's own number parser, which decides every other value, costs
     * about 10 µs a call (a 3,000-cite book has about 700 distinct values).
     */
    static String standIn(String value) {
        if (DIGITS.matcher(value).matches()) {
            return ONE;
        }
        if (DIGIT_RANGE.matcher(value).matches()) {
            return RANGE;
        }
        return parsedStandIn(value);
    }

    /** The stand-in of the value's kind as citeproc's number parser tells it. */
    static String parsedStandIn(String value) {
        List<NumberElement> elements = NumberParser.parse(value);
        boolean plural = !elements.isEmpty() && elements.get(0).isPlural();
        if (NumberHelper.isNumeric(value)) {
            return plural ? RANGE : ONE;
        }
        return plural ? null : TEXT;
    }

    /** The locator's value as the style prints it: page ranges abbreviated, hyphens made en dashes, lists spaced. */
    private String formatValue(Locator locator) {
        String v = locator.value().strip().replaceAll("\\s*,\\s*", ", ").replaceAll("\\s*&\\s*", " & ");
        Matcher m = NUMBER_RANGE.matcher(v);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String range = m.group(1) + "\u2013" + m.group(2);
            if (locator.label().equals("page") && style.pageRangeFormat.isPresent()) {
                range = PageRangeFormatter.format(new PageRange(m.group(), m.group(1), m.group(2), null, true),
                        style.pageRangeFormat.get());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(range));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
