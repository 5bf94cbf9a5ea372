package org.bookbinder.annotate.citations;

import de.undercouch.citeproc.csl.internal.locale.LLocale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What citations need from the CSL locale of the book's language besides what citeproc-java does with it: the
 * locator terms a cite may be written with ({@code p.}, {@code chap.}, {@code §} …, in every form, and the American
 * English ones always), the words that join names ({@code and}, {@code et al.}) and whether punctuation goes inside
 * closing quotation marks.
 */
final class CitationLocale {
    /** The CSL locator labels, as citeproc-java's {@code CSLLabel} knows them. */
    static final List<String> LABELS = List.of("book", "chapter", "column", "figure", "folio", "issue", "line", "note",
            "opus", "page", "paragraph", "part", "section", "sub-verbo", "verse", "volume");

    /** The CSL language tag citeproc-java is given. */
    final String lang;
    /** Locator term (lower case, every form, singular and plural) → label. */
    final Map<String, String> locatorTerms;
    final boolean punctuationInQuote;
    final String and;
    final String etAl;

    private CitationLocale(String lang, Map<String, String> locatorTerms, boolean punctuationInQuote, String and, String etAl) {
        this.lang = lang;
        this.locatorTerms = Map.copyOf(locatorTerms);
        this.punctuationInQuote = punctuationInQuote;
        this.and = and;
        this.etAl = etAl;
    }

    /**
     * The locale for a BCP 47 language tag, as citeproc-java chooses it (the tag's own file, else its language's
     * primary dialect); empty when the locales artifact has neither.
     */
    static Optional<CitationLocale> of(String language, CitationStyle style) {
        String tag = language.strip();
        String languageOnly = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
        String primary = LLocale.PRIMARY_DIALECTS.get(languageOnly.toLowerCase(Locale.ROOT));
        // later layers win: American English (for the locator terms every author may write), the primary dialect,
        // the book's own dialect
        Map<String, Document> files = new java.util.LinkedHashMap<>();
        for (String t : new String[]{"en-US", primary, tag}) {
            if (t != null && !files.containsKey(t)) {
                locale(t).ifPresent(d -> files.put(t, d));
            }
        }
        boolean own = files.containsKey(tag);
        if (!own && (primary == null || !files.containsKey(primary))) {
            return Optional.empty();
        }
        List<Element> layers = new ArrayList<>();
        files.values().forEach(d -> layers.add(d.getDocumentElement()));
        for (Element l : style.locales) {
            String lang = l.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
            if (lang.isEmpty() || lang.equalsIgnoreCase(languageOnly) || lang.equalsIgnoreCase(tag)) {
                layers.add(l);
            }
        }
        Map<String, String> locatorTerms = new HashMap<>();
        Map<String, String> simple = new HashMap<>();
        Boolean punctuationInQuote = null;
        for (Element layer : layers) {
            Element options = CitationStyle.first(layer, "style-options");
            if (options != null && options.hasAttribute("punctuation-in-quote")) {
                punctuationInQuote = Boolean.parseBoolean(options.getAttribute("punctuation-in-quote"));
            }
            Element terms = CitationStyle.first(layer, "terms");
            if (terms == null) {
                continue;
            }
            for (Element term : CitationStyle.elements(terms, List.of("term"))) {
                String name = term.getAttribute("name");
                String form = term.hasAttribute("form") ? term.getAttribute("form") : "long";
                if (LABELS.contains(name)) {
                    Element single = CitationStyle.first(term, "single");
                    Element multiple = CitationStyle.first(term, "multiple");
                    for (String text : single == null ? List.of(term.getTextContent())
                            : List.of(single.getTextContent(), multiple == null ? "" : multiple.getTextContent())) {
                        String t = text.strip().toLowerCase(Locale.ROOT);
                        if (!t.isEmpty()) {
                            locatorTerms.put(t, name);
                        }
                    }
                } else if (form.equals("long") && (name.equals("and") || name.equals("et-al"))) {
                    simple.put(name, term.getTextContent().strip());
                }
            }
        }
        String lang = own ? tag : primary;
        return Optional.of(new CitationLocale(lang, locatorTerms, Boolean.TRUE.equals(punctuationInQuote),
                simple.getOrDefault("and", "and"), simple.getOrDefault("et-al", "et al.")));
    }

    private static Optional<Document> locale(String tag) {
        if (!tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]+)*")) {
            return Optional.empty();
        }
        try (InputStream in = CitationLocale.class.getResourceAsStream("/locales-" + tag + ".xml")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(CitationStyle.builder().parse(new InputSource(new java.io.StringReader(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            return Optional.empty();
        }
    }
}
