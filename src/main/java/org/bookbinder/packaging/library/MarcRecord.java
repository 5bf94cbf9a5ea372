package org.bookbinder.packaging.library;

import org.bookbinder.packaging.accessibility.AccessibilityMetadata;
import org.bookbinder.packaging.accessibility.ContentFacts;
import org.bookbinder.load.BookConfig;
import org.bookbinder.load.Creator;
import org.bookbinder.render.Credits;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The book as a MARC 21 bibliographic record for an online text (RDA, ISBD punctuation), written as MARCXML by
 * marc4j's {@link MarcXmlWriter}. Every value comes from book.yaml or from the content, as the OPF has it.
 */
public final class MarcRecord {
    /**
     * Leader: new record, language material, monograph, Unicode; encoding level 7 (minimal: the headings are the
     * publisher's, not checked against authority files), ISBD punctuation. Lengths are left as zeros, as MARCXML
     * allows; a converter to ISO 2709 computes them.
     */
    static final String LEADER = "00000nam a22000007i 4500";
    /** 006 for an online text document. */
    static final String ELECTRONIC_006 = "m     o  d        ";
    /** 007: electronic resource, remote, the other positions not coded. */
    static final String ELECTRONIC_007 = "cr |n|||||||||";

    /** RDA relationship designators for the MARC relator codes a book usually has. */
    static final Map<String, String> RELATOR_TERMS = Map.ofEntries(
            Map.entry("aut", "author"), Map.entry("edt", "editor"), Map.entry("ann", "annotator"),
            Map.entry("trl", "translator"), Map.entry("ill", "illustrator"), Map.entry("aui", "author of introduction"),
            Map.entry("aft", "author of afterword"), Map.entry("wpr", "writer of preface"), Map.entry("com", "compiler"),
            Map.entry("ctb", "contributor"), Map.entry("edc", "editor of compilation"), Map.entry("pht", "photographer"),
            Map.entry("nrt", "narrator"), Map.entry("cov", "cover designer"), Map.entry("bkd", "book designer"),
            Map.entry("pbl", "publisher"), Map.entry("cwt", "commentator for written text"),
            Map.entry("wac", "writer of added commentary"), Map.entry("wst", "writer of supplementary textual content"),
            Map.entry("abr", "abridger"), Map.entry("adp", "adapter"), Map.entry("cre", "creator"),
            Map.entry("res", "researcher"), Map.entry("trc", "transcriber"), Map.entry("rev", "reviewer"));

    /** ISO 639-2 terminology codes (Java's) whose bibliographic code, the one MARC uses, differs. */
    private static final Map<String, String> BIBLIOGRAPHIC_LANGUAGE = Map.ofEntries(
            Map.entry("sqi", "alb"), Map.entry("hye", "arm"), Map.entry("eus", "baq"), Map.entry("mya", "bur"),
            Map.entry("zho", "chi"), Map.entry("ces", "cze"), Map.entry("nld", "dut"), Map.entry("fra", "fre"),
            Map.entry("kat", "geo"), Map.entry("deu", "ger"), Map.entry("ell", "gre"), Map.entry("isl", "ice"),
            Map.entry("mkd", "mac"), Map.entry("mri", "mao"), Map.entry("msa", "may"), Map.entry("fas", "per"),
            Map.entry("ron", "rum"), Map.entry("slk", "slo"), Map.entry("bod", "tib"), Map.entry("cym", "wel"));

    /** LCSH free-floating subdivisions that are form ($v) or topical ($x) though capitalised like places. */
    private static final List<String> FORM_SUBDIVISIONS = List.of("Bibliography", "Biography", "Case studies",
            "Catalogs", "Dictionaries", "Fiction", "Juvenile literature", "Maps", "Periodicals", "Personal narratives",
            "Pictorial works", "Sources", "Statistics", "Archives", "Correspondence", "Diaries", "Interviews");
    private static final List<String> TOPICAL_SUBDIVISIONS = List.of("History", "Historiography", "Collaborationists",
            "Prisoners and prisons", "Politics and government", "Social conditions", "Economic conditions",
            "Foreign relations", "Religion", "Civilization", "Influence", "Atrocities", "Casualties", "Causes",
            "Campaigns", "Deportations", "Evacuation of civilians", "Forced repatriation", "Refugees", "Women",
            "Children", "Antiquities", "Emigration and immigration", "Study and teaching", "Law and legislation",
            "Public opinion", "Propaganda", "Underground movements", "Veterans", "Art and the war", "Literature and the war");
    private static final Pattern CHRONOLOGICAL = Pattern.compile("(?:\\d{1,2}(?:st|nd|rd|th) century|\\d{3,4}(?:-\\d{0,4})?s?|To \\d{3,4})(?:,.*)?");
    /** Country names in English (Java's list of ISO 3166 countries), with the historical ones LCSH still uses. */
    private static final java.util.Set<String> COUNTRIES = countries();
    private static final Pattern SUBDIVISION = Pattern.compile("\\s*--\\s*");
    private static final DateTimeFormatter TRANSACTION = DateTimeFormatter.ofPattern("uuuuMMddHHmmss'.0'", java.util.Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ENTERED = DateTimeFormatter.ofPattern("uuMMdd", java.util.Locale.ROOT);

    private MarcRecord() {
    }

    /** The MARCXML document (a {@code collection} of one record), byte for byte the same for the same book. */
    public static byte[] xml(BookConfig config, Instant modified, AccessibilityMetadata accessibility, ContentFacts facts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcXmlWriter writer = new MarcXmlWriter(out, "UTF-8", true);
        writer.setUnicodeNormalization(true);
        writer.write(of(config, modified, accessibility, facts));
        writer.close();
        return out.toByteArray();
    }

    static Record of(BookConfig c, Instant modified, AccessibilityMetadata accessibility, ContentFacts facts) {
        MarcFactory f = MarcFactory.newInstance();
        Record r = f.newRecord(LEADER);
        r.setLeader(new AsciiLeader(LEADER));
        LocalDate date = c.date().orElse(modified.atZone(ZoneOffset.UTC).toLocalDate());
        String language = marcLanguage(c.language());
        r.addVariableField(f.newControlField("001", c.identifier()));
        r.addVariableField(f.newControlField("005", TRANSACTION.format(modified)));
        r.addVariableField(f.newControlField("006", ELECTRONIC_006));
        r.addVariableField(f.newControlField("007", ELECTRONIC_007));
        r.addVariableField(f.newControlField("008", fixedData(date, language, facts)));

        if (c.identifier().startsWith("urn:isbn:")) {
            r.addVariableField(field(f, "020", ' ', ' ', 'a', c.identifier().substring("urn:isbn:".length()).replace("-", ""), 'q', "(EPUB)"));
        } else {
            r.addVariableField(field(f, "024", '7', ' ', 'a', c.identifier(), '2', "uri"));
        }
        r.addVariableField(field(f, "041", '0', ' ', 'a', language));

        List<Creator> authors = c.creators().stream().filter(cr -> cr.role().equals("aut")).toList();
        List<Creator> added = new ArrayList<>(c.creators());
        if (!authors.isEmpty()) {
            added.remove(authors.get(0));
            r.addVariableField(name(f, "100", authors.get(0)));
        }

        String title = c.title();
        DataField t = f.newDataField("245", authors.isEmpty() ? '0' : '1', nonFiling(title, c.language()));
        String statement = responsibility(c.creators());
        boolean hasSubtitle = c.subtitle().isPresent();
        t.addSubfield(f.newSubfield('a', title + (hasSubtitle ? " :" : statement.isEmpty() ? "." : " /")));
        c.subtitle().ifPresent(s -> t.addSubfield(f.newSubfield('b', s + (statement.isEmpty() ? "." : " /"))));
        if (!statement.isEmpty()) {
            t.addSubfield(f.newSubfield('c', period(statement)));
        }
        r.addVariableField(t);
        c.edition().ifPresent(e -> r.addVariableField(field(f, "250", ' ', ' ', 'a', period(e))));

        DataField pub = f.newDataField("264", ' ', '1');
        pub.addSubfield(f.newSubfield('a', "[Place of publication not identified] :"));
        pub.addSubfield(f.newSubfield('b', c.publisher().orElse("[publisher not identified]") + ","));
        pub.addSubfield(f.newSubfield('c', date.getYear() + "."));
        r.addVariableField(pub);

        DataField extent = f.newDataField("300", ' ', ' ');
        extent.addSubfield(f.newSubfield('a', facts.informativeImages() > 0 ? "1 online resource :" : "1 online resource."));
        if (facts.informativeImages() > 0) {
            extent.addSubfield(f.newSubfield('b', "illustrations."));
        }
        r.addVariableField(extent);
        r.addVariableField(field(f, "336", ' ', ' ', 'a', "text", 'b', "txt", '2', "rdacontent"));
        r.addVariableField(field(f, "337", ' ', ' ', 'a', "computer", 'b', "c", '2', "rdamedia"));
        r.addVariableField(field(f, "338", ' ', ' ', 'a', "online resource", 'b', "cr", '2', "rdacarrier"));
        r.addVariableField(field(f, "347", ' ', ' ', 'a', "text file", 'b', "EPUB", '2', "rdaft"));
        c.series().ifPresent(s -> {
            DataField series = f.newDataField("490", '0', ' ');
            series.addSubfield(f.newSubfield('a', s.name() + (s.position().isPresent() ? " ;" : "")));
            s.position().ifPresent(p -> series.addSubfield(f.newSubfield('v', String.valueOf(p))));
            r.addVariableField(series);
        });
        c.source().ifPresent(s -> r.addVariableField(field(f, "500", ' ', ' ', 'a', period("Edited from: " + s))));
        if (facts.has("bibliography")) {
            r.addVariableField(field(f, "504", ' ', ' ', 'a', "Includes bibliographical references."));
        }
        c.description().ifPresent(d -> r.addVariableField(field(f, "520", ' ', ' ', 'a', d)));
        r.addVariableField(field(f, "532", '8', ' ', 'a', accessibility.summary()));
        c.rights().ifPresent(rights -> r.addVariableField(field(f, "540", ' ', ' ', 'a', rights)));
        String languageName = Locale.forLanguageTag(c.language()).getDisplayLanguage(Locale.ENGLISH);
        if (!languageName.isEmpty()) {
            r.addVariableField(field(f, "546", ' ', ' ', 'a', "Text in " + languageName + "."));
        }
        for (BookConfig.Subject s : c.subjects()) {
            r.addVariableField(subject(f, s));
        }
        r.addVariableField(field(f, "655", ' ', '4', 'a', "Electronic books."));
        for (Creator cr : added) {
            r.addVariableField(name(f, "700", cr));
        }
        c.url().ifPresent(u -> r.addVariableField(field(f, "856", '4', '0', 'u', u, 'q', "application/epub+zip")));
        return r;
    }

    /** 008 for books, with form of item "online" (position 23). */
    static String fixedData(LocalDate date, String language, ContentFacts facts) {
        StringBuilder s = new StringBuilder();
        s.append(ENTERED.format(date));                       // 00-05 date entered on file
        s.append('s').append(String.format(Locale.ROOT, "%04d", date.getYear())).append("    "); // 06-14 single date
        s.append("xx ");                                     // 15-17 place of publication unknown
        s.append(facts.informativeImages() > 0 ? "a   " : "    "); // 18-21 illustrations
        s.append(' ');                                       // 22 target audience unknown
        s.append('o');                                       // 23 form of item: online
        s.append(facts.has("bibliography") ? "b   " : "    "); // 24-27 nature of contents
        s.append(' ');                                       // 28 not a government publication
        s.append("00");                                      // 29-30 not a conference, not a festschrift
        s.append(facts.has("index") ? '1' : '0');            // 31 index
        s.append(' ');                                       // 32 undefined
        s.append("||");                                      // 33-34 literary form, biography: not coded
        s.append(language);                                  // 35-37 language
        s.append(' ');                                       // 38 not modified
        s.append('d');                                       // 39 cataloguing source: other
        return s.toString();
    }

    /** The MARC language code for a BCP 47 tag: ISO 639-2/B ("ger", not "deu"). */
    static String marcLanguage(String tag) {
        String t;
        try {
            t = Locale.forLanguageTag(tag).getISO3Language();
        } catch (java.util.MissingResourceException e) {
            return "und";
        }
        return t.isEmpty() ? "und" : BIBLIOGRAPHIC_LANGUAGE.getOrDefault(t, t);
    }

    /** 100/700: the sort form when given ("Writer, Ada"), the relator term in $e and the code in $4. */
    private static DataField name(MarcFactory f, String tag, Creator cr) {
        String heading = cr.fileAs().orElse(cr.name());
        DataField d = f.newDataField(tag, heading.contains(",") ? '1' : '0', ' ');
        String term = RELATOR_TERMS.get(cr.role());
        if (term != null) {
            d.addSubfield(f.newSubfield('a', heading + ","));
            d.addSubfield(f.newSubfield('e', term + "."));
        } else {
            d.addSubfield(f.newSubfield('a', period(heading)));
        }
        d.addSubfield(f.newSubfield('4', cr.role()));
        return d;
    }

    /** 245 $c: the authors, then one phrase per other role, as the title page says them. */
    static String responsibility(List<Creator> creators) {
        List<String> parts = new ArrayList<>();
        String authors = Credits.authors(creators);
        if (!authors.isEmpty()) {
            parts.add(authors);
        }
        for (String line : Credits.others(creators)) {
            parts.add(Character.toLowerCase(line.charAt(0)) + line.substring(1));
        }
        return String.join(" ; ", parts);
    }

    /** 650: an "A -- B -- C" heading split into $a and subdivisions; ind2 says which thesaurus, $2 names others. */
    static DataField subject(MarcFactory f, BookConfig.Subject s) {
        String authority = s.authority().map(a -> a.toLowerCase(Locale.ROOT)).orElse(null);
        char thesaurus = authority == null ? '4' : authority.equals("lcsh") ? '0' : '7';
        DataField d = f.newDataField("650", ' ', thesaurus);
        String[] parts = SUBDIVISION.split(s.heading().strip());
        List<Character> codes = new ArrayList<>();
        codes.add('a');
        for (int i = 1; i < parts.length; i++) {
            codes.add(subdivisionCode(parts[i]));
        }
        boolean trailer = thesaurus == '7' || s.term().isPresent();
        for (int i = 0; i < parts.length; i++) {
            String text = parts[i];
            if (i == parts.length - 1) {
                text = period(text);
            }
            d.addSubfield(f.newSubfield(codes.get(i), text));
        }
        if (trailer) {
            if (thesaurus == '7') {
                d.addSubfield(f.newSubfield('2', authority));
            }
            s.term().ifPresent(term -> d.addSubfield(f.newSubfield('0', term)));
        }
        return d;
    }

    /**
     * Which subfield a subdivision goes in: $y for a period ("20th century", "1939-1945"), $v for a form
     * ("Sources"), $x for a known topical subdivision ("History"), $z for a place: a country's name
     * ("Poland"), a name with a qualifier ("Katyn (Russia)"), or two or more capitalised words ("Soviet Union");
     * anything else is topical, $x.
     */
    static char subdivisionCode(String part) {
        if (CHRONOLOGICAL.matcher(part).matches()) {
            return 'y';
        }
        if (FORM_SUBDIVISIONS.contains(part)) {
            return 'v';
        }
        if (TOPICAL_SUBDIVISIONS.contains(part)) {
            return 'x';
        }
        if (COUNTRIES.contains(part) || part.matches("\\p{Lu}.*\\(\\p{Lu}.*\\)")) {
            return 'z';
        }
        String[] words = part.replaceAll("[(),.]", " ").trim().split("\\s+");
        int capitalised = 0;
        for (String word : words) {
            if (Character.isUpperCase(word.codePointAt(0))) {
                capitalised++;
            } else if (!List.of("and", "of", "the", "de", "la", "von", "van", "on", "upon").contains(word)) {
                return 'x';
            }
        }
        return capitalised >= 2 ? 'z' : 'x';
    }

    private static java.util.Set<String> countries() {
        java.util.Set<String> names = new java.util.HashSet<>(List.of("Soviet Union", "Russia (Federation)", "Great Britain",
                "Germany (West)", "Germany (East)", "Yugoslavia", "Czechoslovakia", "Korea", "Prussia"));
        for (String code : Locale.getISOCountries()) {
            names.add(new Locale("", code).getDisplayCountry(Locale.ENGLISH));
        }
        return java.util.Set.copyOf(names);
    }

    /** 245 ind2: how many characters of a leading article a catalogue skips when sorting. */
    static char nonFiling(String title, String language) {
        if (language.toLowerCase(Locale.ROOT).startsWith("en")) {
            for (String article : List.of("The ", "An ", "A ")) {
                if (title.startsWith(article)) {
                    return (char) ('0' + article.length());
                }
            }
        }
        return '0';
    }

    private static String period(String s) {
        String t = s.strip();
        return t.isEmpty() || ".?!)]-\"”".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + ".";
    }

    private static DataField field(MarcFactory f, String tag, char ind1, char ind2, Object... codesAndValues) {
        DataField d = f.newDataField(tag, ind1, ind2);
        for (int i = 0; i < codesAndValues.length; i += 2) {
            d.addSubfield(f.newSubfield((Character) codesAndValues[i], (String) codesAndValues[i + 1]));
        }
        return d;
    }

    /**
     * marc4j writes the leader's numbers with a {@code DecimalFormat} of the JVM's default locale: in Arabic (Egypt)
     * that is Arabic-Indic digits. A leader is ASCII.
     */
    private static final class AsciiLeader extends org.marc4j.marc.impl.LeaderImpl {
        AsciiLeader(String leader) {
            super(leader);
        }

        @Override
        public String marshal() {
            return String.format(Locale.ROOT, "%05d", getRecordLength()) + getRecordStatus() + getTypeOfRecord()
                    + new String(getImplDefined1()) + getCharCodingScheme() + getIndicatorCount() + getSubfieldCodeLength()
                    + String.format(Locale.ROOT, "%05d", getBaseAddressOfData()) + new String(getImplDefined2())
                    + new String(getEntryMap());
        }

        @Override
        public String toString() {
            return marshal();
        }
    }
}
