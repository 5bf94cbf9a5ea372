package org.bookbinder.annotate.citations;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.helper.PageRangeFormatter;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.diagnostics.DidYouMean;
import org.bookbinder.load.BookConfig;
import org.bookbinder.load.BookFiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A CSL style, found by the name book.yaml gives ({@code chicago-notes}, a style id of the
 * {@code org.citationstyles:styles} artifact — dependent styles included — or a path to a {@code .csl} file) and
 * prepared for citeproc-java.
 *
 * <p>citeproc-java 3.5 evaluates only the {@code first} and {@code ibid} positions, from its own history of the
 * citations it was given, and ignores {@code locator} and {@code disambiguate} conditions (treating a condition it
 * cannot test as true). We work out each cite's position ourselves and ask for {@link #variant variants} of the style
 * in which every {@code position}, {@code locator} and {@code disambiguate} test is already decided, so that
 * citeproc-java never has to: a cite is formatted with the variant for its position and locator label. Variants also
 * leave out the citation layout's prefix and suffix (citations are assembled from single cites, see
 * {@link CitationFormatter}), and split a {@code cs:names} of several variables with a delimiter into a group of one
 * {@code cs:names} per variable, because citeproc-java writes the delimiter even when the first variable is empty
 * ("T, , trans. Whitney").
 */
final class CitationStyle {
    /** Our short names for the two Chicago styles. */
    static final Map<String, String> ALIASES = Map.of("chicago-notes", "chicago-notes-bibliography");
    private static final Pattern STYLE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final String NEVER = "bookbinder-never-set";
    private static final List<String> CONDITIONS = List.of("if", "else-if");

    final String name;
    private final Document dom;
    /** The variants written so far, by {@link #variantKey}. */
    private final Map<String, String> variants = new java.util.HashMap<>();
    /** The style's XML, written at the first variant. */
    private Written written;
    final boolean notes;
    final String layoutPrefix;
    final String layoutSuffix;
    final String layoutDelimiter;
    final Optional<PageRangeFormatter.Format> pageRangeFormat;
    final boolean hasBibliography;
    final int etAlMin;
    final int etAlUseFirst;
    /** How many notes back a cite still counts as {@code near-note}. */
    final int nearNoteDistance;
    /** The position values the style tests ({@code first}, {@code subsequent}, {@code ibid}, …). */
    final Set<String> positionTokens;
    /** The locator labels the style tests. */
    final Set<String> locatorTokens;
    /** Whether the style prints citation numbers (a numeric style): then the order works are registered in matters. */
    final boolean numbered;
    /** The style's own {@code cs:locale} elements, for terms. */
    final List<Element> locales;

    private CitationStyle(String name, Document dom) {
        this.name = name;
        this.dom = dom;
        Element root = dom.getDocumentElement();
        this.notes = "note".equals(root.getAttribute("class"));
        Element layout = first(first(root, "citation"), "layout");
        this.layoutPrefix = layout == null ? "" : layout.getAttribute("prefix");
        this.layoutSuffix = layout == null ? "" : layout.getAttribute("suffix");
        this.layoutDelimiter = layout == null || !layout.hasAttribute("delimiter") ? "; " : layout.getAttribute("delimiter");
        this.pageRangeFormat = pageRangeFormat(root.getAttribute("page-range-format"));
        this.hasBibliography = first(root, "bibliography") != null;
        Element citation = first(root, "citation");
        this.etAlMin = intAttribute(citation, "et-al-min", intAttribute(root, "et-al-min", Integer.MAX_VALUE));
        this.etAlUseFirst = intAttribute(citation, "et-al-use-first", intAttribute(root, "et-al-use-first", 1));
        this.nearNoteDistance = intAttribute(citation, "near-note-distance", 5);
        boolean number = false;
        for (Element e : elements(root, List.of("text", "key", "number"))) {
            number |= tokens(e.getAttribute("variable")).contains("citation-number");
        }
        this.numbered = number;
        Set<String> positions = new TreeSet<>();
        Set<String> locators = new TreeSet<>();
        for (Element e : elements(root, CONDITIONS)) {
            positions.addAll(tokens(e.getAttribute("position")));
            locators.addAll(tokens(e.getAttribute("locator")));
        }
        this.positionTokens = Set.copyOf(positions);
        this.locatorTokens = Set.copyOf(locators);
        List<Element> ls = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "locale".equals(e.getLocalName())) {
                ls.add(e);
            }
        }
        this.locales = List.copyOf(ls);
        // what every variant shares
        if (layout != null) {
            layout.removeAttribute("prefix");
            layout.removeAttribute("suffix");
        }
        for (Element names : elements(root, List.of("names"))) {
            splitNames(names);
        }
    }

    /** The style book.yaml names, or empty (reported) when it cannot be found or read. */
    static Optional<CitationStyle> load(Path bookDir, BookConfig config, Diagnostics diagnostics) {
        return load(bookDir, config.citationStyle(), config.position("citation-style"), diagnostics);
    }

    /** The style named {@code value}, written in book.yaml {@code at}. */
    static Optional<CitationStyle> load(Path bookDir, String value, BookConfig.Position at, Diagnostics diagnostics) {
        if (value.endsWith(".csl") || value.contains("/") || value.contains("\\")) {
            Path file = bookDir.resolve(value).normalize();
            if (!Files.isRegularFile(file)) {
                diagnostics.error(Code.CITE_006, "book.yaml", at.line(), at.column(), "the style file '" + value + "' does not exist");
                return Optional.empty();
            }
            if (!BookFiles.checkInside(bookDir, file, "the style file", value, new BookFiles.Place("book.yaml", at.line(), at.column()), diagnostics)) {
                return Optional.empty();
            }
            String xml;
            try {
                xml = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                diagnostics.error(Code.CITE_006, value, 0, 0, "the style file cannot be read as UTF-8 text");
                return Optional.empty();
            }
            return parse(value, value, xml, diagnostics);
        }
        String id = ALIASES.getOrDefault(value, value);
        Optional<String> xml = STYLE_ID.matcher(id).matches() ? resource("/" + id + ".csl") : Optional.empty();
        if (xml.isEmpty() && STYLE_ID.matcher(id).matches()) {
            xml = resource("/dependent/" + id + ".csl").flatMap(CitationStyle::independentParent);
        }
        if (xml.isEmpty()) {
            diagnostics.error(Code.CITE_006, "book.yaml", at.line(), at.column(), "unknown citation style '" + value + "'"
                    + DidYouMean.hint(value, knownStyles())
                    + ": use chicago-notes, chicago-author-date, a style id from the CSL styles repository or a path to a .csl file");
            return Optional.empty();
        }
        return parse(value, "book.yaml", xml.get(), diagnostics);
    }

    /** The independent parent of a dependent style, from the same artifact. */
    private static Optional<String> independentParent(String dependentXml) {
        try {
            Document doc = builder().parse(new InputSource(new StringReader(dependentXml)));
            for (Element link : elements(doc.getDocumentElement(), List.of("link"))) {
                if ("independent-parent".equals(link.getAttribute("rel"))) {
                    String href = link.getAttribute("href");
                    String parent = href.substring(href.lastIndexOf('/') + 1);
                    return STYLE_ID.matcher(parent).matches() ? resource("/" + parent + ".csl") : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (SAXException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<CitationStyle> parse(String name, String file, String xml, Diagnostics diagnostics) {
        java.util.regex.Matcher doctype = DOCTYPE.matcher(xml);
        if (doctype.find()) {
            int line = (int) xml.substring(0, doctype.start()).chars().filter(c -> c == '\n').count() + 1;
            diagnostics.error(Code.CITE_006, file, line, 0, "the citation style has a DOCTYPE: DTDs and entities are refused "
                    + "(a CSL style needs none, and an entity could read a file of this machine)");
            return Optional.empty();
        }
        Document dom;
        try {
            dom = builder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            diagnostics.error(Code.CITE_006, file, e.getLineNumber(), e.getColumnNumber(),
                    "the citation style is not well-formed XML: " + e.getMessage());
            return Optional.empty();
        } catch (SAXException | IOException e) {
            diagnostics.error(Code.CITE_006, file, 0, 0, "the citation style cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        Element root = dom.getDocumentElement();
        if (!"style".equals(root.getLocalName()) || first(root, "citation") == null) {
            diagnostics.error(Code.CITE_006, file, 1, 1, "not a CSL style: it has no <style> with a <citation>");
            return Optional.empty();
        }
        return Optional.of(new CitationStyle(name, dom));
    }

    /**
     * The style as XML with every position, locator and disambiguate test decided: {@code positions} are the
     * position values true for the cite ({@code first}; or {@code subsequent} with perhaps {@code ibid} or
     * {@code ibid-with-locator} and {@code near-note}), {@code label} its locator's label (null without a locator).
     * No disambiguation is done, so {@code disambiguate="true"} is false.
     */
    synchronized String variant(Set<String> positions, String label) {
        // Synchronized: formatters on several threads ask for variants. A variant depends only on the values the
        // style tests, its variantKey, so each is written once.
        return variants.computeIfAbsent(variantKey(positions, label), k -> {
            if (written == null) {
                written = new Written(dom.getDocumentElement());
            }
            return written.variant(positions, label);
        });
    }

    /**
     * The style's XML, written once (a DOM walk, about 2 ms for a big style) and kept in pieces: the text between the
     * attributes of its {@code cs:if}/{@code cs:else-if} tags that test what a variant decides, which each variant
     * writes between them.
     */
    private static final class Written {
        /** The text before each condition's attributes (up to its tag name), and after the last. */
        private final List<String> pieces = new ArrayList<>();
        /** The attributes of each condition a variant decides, in document order. */
        private final List<Map<String, String>> conditions = new ArrayList<>();

        Written(Element root) {
            StringBuilder piece = new StringBuilder(300_000);
            piece.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
            write(root, piece);
            pieces.add(piece.toString());
        }

        String variant(Set<String> positions, String label) {
            StringBuilder out = new StringBuilder(300_000);
            for (int i = 0; i < conditions.size(); i++) {
                out.append(pieces.get(i));
                writeAttributes(decide(conditions.get(i), positions, label), out);
            }
            return out.append(pieces.get(conditions.size())).toString();
        }

        private void write(Element e, StringBuilder piece) {
            piece.append('<').append(e.getTagName());
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            org.w3c.dom.NamedNodeMap map = e.getAttributes();
            for (int i = 0; i < map.getLength(); i++) {
                attributes.put(map.item(i).getNodeName(), map.item(i).getNodeValue());
            }
            if (CONDITIONS.contains(e.getLocalName()) && decides(attributes)) {
                pieces.add(piece.toString());
                piece.setLength(0);
                conditions.add(attributes);
            } else {
                writeAttributes(attributes, piece);
            }
            if (!e.hasChildNodes()) {
                piece.append("/>");
                return;
            }
            piece.append('>');
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element child) {
                    write(child, piece);
                } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                    piece.append(escape(n.getNodeValue(), false));
                }
            }
            piece.append("</").append(e.getTagName()).append('>');
        }

        private static void writeAttributes(Map<String, String> attributes, StringBuilder out) {
            attributes.forEach((name, value) -> out.append(' ').append(name).append("=\"").append(escape(value, true)).append('"'));
        }
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The part of a variant's name that matters: only the values this style tests. */
    String variantKey(Set<String> positions, String label) {
        Set<String> key = new TreeSet<>();
        for (String p : positions) {
            if (positionTokens.contains(p)) {
                key.add("position:" + p);
            }
        }
        if (label != null && locatorTokens.contains(label)) {
            key.add("locator:" + label);
        }
        return String.join(" ", key);
    }

    /** Whether a {@code cs:if}/{@code cs:else-if} tests what a variant decides: its position, locator or disambiguation. */
    private static boolean decides(Map<String, String> attributes) {
        return !tokens(attributes.get("position")).isEmpty() || !tokens(attributes.get("locator")).isEmpty()
                || attributes.containsKey("disambiguate");
    }

    /** The attributes of a {@code cs:if}/{@code cs:else-if} with its decided tests replaced by their outcome. */
    private static Map<String, String> decide(Map<String, String> attributes, Set<String> positions, String label) {
        List<Boolean> decided = new ArrayList<>();
        for (String p : tokens(attributes.get("position"))) {
            decided.add(positions.contains(p));
        }
        for (String l : tokens(attributes.get("locator"))) {
            decided.add(l.equals(label));
        }
        if (attributes.containsKey("disambiguate")) {
            decided.add(false);
        }
        if (decided.isEmpty()) {
            return attributes;
        }
        Map<String, String> left = new java.util.LinkedHashMap<>(attributes);
        left.remove("position");
        left.remove("locator");
        left.remove("disambiguate");
        String match = left.getOrDefault("match", "all");
        boolean othersLeft = left.size() > (left.containsKey("match") ? 1 : 0);
        boolean anyTrue = decided.contains(true);
        boolean anyFalse = decided.contains(false);
        Boolean outcome = switch (match) {
            case "any" -> anyTrue ? Boolean.TRUE : othersLeft ? null : Boolean.FALSE;
            case "none" -> anyTrue ? Boolean.FALSE : othersLeft ? null : Boolean.TRUE;
            default -> anyFalse ? Boolean.FALSE : othersLeft ? null : Boolean.TRUE;
        };
        if (outcome == null) {
            return left;
        }
        // a variable that is never set: "none" of it is always true, "any" of it never
        return new java.util.LinkedHashMap<>(Map.of("match", outcome ? "none" : "any", "variable", NEVER));
    }

    private static void splitNames(Element names) {
        List<String> variables = tokens(names.getAttribute("variable"));
        if (variables.size() < 2 || !names.hasAttribute("delimiter") || first(names, "substitute") != null) {
            return;
        }
        Document doc = names.getOwnerDocument();
        Element group = doc.createElementNS(names.getNamespaceURI(), "group");
        group.setAttribute("delimiter", names.getAttribute("delimiter"));
        for (String attribute : List.of("prefix", "suffix", "font-style", "font-variant", "font-weight",
                "text-decoration", "vertical-align", "display")) {
            if (names.hasAttribute(attribute)) {
                group.setAttribute(attribute, names.getAttribute(attribute));
                names.removeAttribute(attribute);
            }
        }
        names.removeAttribute("delimiter");
        names.getParentNode().replaceChild(group, names);
        for (String variable : variables) {
            Element one = (Element) names.cloneNode(true);
            one.setAttribute("variable", variable);
            group.appendChild(one);
        }
    }

    private static Optional<PageRangeFormatter.Format> pageRangeFormat(String value) {
        return switch (value) {
            case "chicago", "chicago-15" -> Optional.of(PageRangeFormatter.Format.CHICAGO15);
            case "chicago-16" -> Optional.of(PageRangeFormatter.Format.CHICAGO16);
            case "expanded" -> Optional.of(PageRangeFormatter.Format.EXPANDED);
            case "minimal" -> Optional.of(PageRangeFormatter.Format.MINIMAL);
            case "minimal-two" -> Optional.of(PageRangeFormatter.Format.MINIMAL2);
            default -> Optional.empty();
        };
    }

    /** Style ids of the artifact and our aliases: the candidates for a "did you mean". */
    private static Set<String> knownStyles() {
        Set<String> names = new LinkedHashSet<>(ALIASES.keySet());
        try {
            for (String s : CSL.getSupportedStyles()) {
                names.add(s.substring(s.lastIndexOf('/') + 1));
            }
        } catch (IOException e) {
            // no list, no hint
        }
        return names;
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = CitationStyle.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document type declaration, the only way to declare entities (XXE): refused before the parser sees it. */
    private static final java.util.regex.Pattern DOCTYPE = java.util.regex.Pattern.compile("(?i)<!DOCTYPE|<!ENTITY");

    /** A parser that refuses DTDs (and so external entities) and resolves nothing outside the text it is given. */
    static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            try {
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            } catch (IllegalArgumentException e) {
                // Xerces on the class path (EPUBCheck's) knows no JAXP 1.5 properties; the DTD is refused above anyway
            }
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Element first(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> elements(Element root, List<String> localNames) {
        List<Element> out = new ArrayList<>();
        NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (localNames.contains(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> tokens(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    private static int intAttribute(Element e, String name, int otherwise) {
        if (e == null || !e.hasAttribute(name)) {
            return otherwise;
        }
        try {
            return Integer.parseInt(e.getAttribute(name).trim());
        } catch (NumberFormatException ex) {
            return otherwise;
        }
    }

    @Override
    public String toString() {
        return name.toLowerCase(Locale.ROOT);
    }
}
