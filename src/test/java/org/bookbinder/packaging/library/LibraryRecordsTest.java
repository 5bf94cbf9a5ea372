package org.bookbinder.packaging.library;

import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.bookbinder.Bookbinder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MARCXML record and the OPDS entry written beside the test book's EPUB: valid against their schemas
 * (MARC21slim.xsd and RFC 4287's Atom grammar, in src/test/resources/schemas/) and saying the same as the OPF.
 */
class LibraryRecordsTest {
    static final Path BOOK = Path.of("src/test/resources/books/basic");
    static final String MARC = "http://www.loc.gov/MARC21/slim";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String OPF = "http://www.idpf.org/2007/opf";

    @TempDir
    static Path out;
    static Path marcFile;
    static Path opdsFile;
    static Document opf;
    static Document marc;
    static Document opds;

    @BeforeAll
    static void build() throws Exception {
        BuildResult result = Bookbinder.build(BOOK, BuildOptions.defaults().withOutDir(out).withCheck(false));
        assertThat(result.succeeded()).as("%s", result.diagnostics()).isTrue();
        marcFile = out.resolve("basic-test.marc.xml");
        opdsFile = out.resolve("basic-test.opds.xml");
        try (ZipFile zip = new ZipFile(out.resolve("basic-test.epub").toFile())) {
            opf = parse(zip.getInputStream(zip.getEntry("EPUB/package.opf")).readAllBytes());
        }
        marc = parse(Files.readAllBytes(marcFile));
        opds = parse(Files.readAllBytes(opdsFile));
    }

    @Test
    void marcXmlIsValidAgainstTheMarc21SlimSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(Path.of("src/test/resources/schemas/MARC21slim.xsd").toFile());
        schema.newValidator().validate(new StreamSource(marcFile.toFile()));
        assertThat(marc.getDocumentElement().getLocalName()).isEqualTo("collection");
        assertThat(marc.getElementsByTagNameNS(MARC, "record").getLength()).isEqualTo(1);
    }

    @Test
    void theSchemaRejectsABrokenRecord() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/schemas/MARC21slim.xsd").toFile());
        String broken = Files.readString(marcFile).replace("tag=\"245\" ind1=\"1\"", "tag=\"245\" ind1=\"11\"");
        assertThat(broken).isNotEqualTo(Files.readString(marcFile));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> schema.newValidator()
                .validate(new StreamSource(new java.io.StringReader(broken)))).hasMessageContaining("11");
    }

    @Test
    void opdsEntryIsValidAtomAndKeepsTheRulesAGrammarCannotSay() throws Exception {
        ValidationDriver driver = new ValidationDriver(CompactSchemaReader.getInstance());
        assertThat(driver.loadSchema(ValidationDriver.fileInputSource(Path.of("src/test/resources/schemas/atom.rnc").toFile()))).isTrue();
        assertThat(driver.validate(ValidationDriver.fileInputSource(opdsFile.toFile()))).as("valid Atom entry").isTrue();
        assertThat(driver.validate(new InputSource(new java.io.StringReader(
                Files.readString(opdsFile).replace("<updated>", "<updated>not a date"))))).as("the grammar can fail").isFalse();
        Element entry = opds.getDocumentElement();
        assertThat(entry.getNamespaceURI() + " " + entry.getLocalName()).isEqualTo(ATOM + " entry");
        assertThat(children(entry, ATOM, "author")).as("RFC 4287: an entry has an author").isNotEmpty();
        assertThat(children(entry, ATOM, "content")).as("RFC 4287: content, or an alternate link").hasSize(1);
    }

    @Test
    void opdsEntryHasTheAcquisitionLinkToTheEpub() {
        List<Element> links = children(opds.getDocumentElement(), ATOM, "link");
        assertThat(links).extracting(l -> l.getAttribute("rel") + " " + l.getAttribute("type") + " " + l.getAttribute("href"))
                .containsExactly("http://opds-spec.org/acquisition application/epub+zip https://example.org/books/basic-test.epub");
        assertThat(text(opds, ATOM, "updated")).containsExactly("2026-01-15T00:00:00Z");
        assertThat(text(opds, DCTERMS, "issued")).containsExactly("2026-01-15");
        assertThat(text(opds, ATOM, "content").get(0)).contains("Accessibility: ");
    }

    @Test
    void theRecordsAgreeWithThePackageDocument() {
        String identifier = text(opf, DC, "identifier").get(0);
        List<String> titles = text(opf, DC, "title");
        String language = text(opf, DC, "language").get(0);
        String publisher = text(opf, DC, "publisher").get(0);
        String date = text(opf, DC, "date").get(0);
        String description = text(opf, DC, "description").get(0);
        List<String> subjects = text(opf, DC, "subject");
        Map<String, String> roles = opfRoles();
        assertThat(roles).as("OPF creators and roles").containsExactly(Map.entry("Ada Writer", "aut"), Map.entry("Ed Itor", "edt"));

        // MARC
        assertThat(marcSubfields("024", 'a')).containsExactly(identifier);
        assertThat(controlField("001")).isEqualTo(identifier);
        assertThat(marcSubfields("245", 'a')).containsExactly(titles.get(0) + " :");
        assertThat(marcSubfields("245", 'b')).containsExactly(titles.get(1) + " /");
        assertThat(marcSubfields("245", 'c')).containsExactly("Ada Writer ; edited by Ed Itor.");
        assertThat(marcSubfields("041", 'a')).containsExactly("eng");
        assertThat(controlField("008").substring(35, 38)).as("008/35-37 language").isEqualTo("eng");
        assertThat(language).isEqualTo("en-GB");
        assertThat(marcSubfields("264", 'b')).containsExactly(publisher + ",");
        assertThat(marcSubfields("264", 'c')).containsExactly(date.substring(0, 4) + ".");
        assertThat(controlField("008").substring(7, 11)).as("008/07-10 date").isEqualTo(date.substring(0, 4));
        assertThat(marcSubfields("520", 'a')).containsExactly(description);
        assertThat(marcSubfields("100", 'a')).containsExactly("Writer, Ada,");
        assertThat(marcSubfields("100", 'e')).containsExactly("author.");
        assertThat(marcSubfields("100", '4')).containsExactly(roles.get("Ada Writer"));
        assertThat(marcSubfields("700", 'a')).containsExactly("Ed Itor,");
        assertThat(marcSubfields("700", 'e')).containsExactly("editor.");
        assertThat(marcSubfields("700", '4')).containsExactly(roles.get("Ed Itor"));
        List<String> marcSubjects = new ArrayList<>();
        for (Element f : fields("650")) {
            List<String> parts = new ArrayList<>();
            for (Element sf : children(f, MARC, "subfield")) {
                if ("azyxv".indexOf(sf.getAttribute("code")) >= 0) {
                    parts.add(sf.getTextContent().replaceFirst("\\.$", ""));
                }
            }
            marcSubjects.add(String.join(" -- ", parts));
        }
        assertThat(marcSubjects).as("650s, subdivisions joined back").isEqualTo(subjects);

        // OPDS
        Element entry = opds.getDocumentElement();
        assertThat(text(opds, ATOM, "id")).containsExactly(identifier);
        assertThat(text(opds, DCTERMS, "identifier")).containsExactly(identifier);
        assertThat(text(opds, ATOM, "title")).containsExactly(titles.get(0) + ": " + titles.get(1));
        assertThat(text(opds, DCTERMS, "language")).containsExactly(language);
        assertThat(entry.getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo(language);
        assertThat(text(opds, DCTERMS, "publisher")).containsExactly(publisher);
        assertThat(text(opds, DCTERMS, "issued")).containsExactly(date);
        assertThat(text(opds, ATOM, "summary")).containsExactly(description);
        List<String> authors = new ArrayList<>();
        children(entry, ATOM, "author").forEach(a -> authors.add(text(a, ATOM, "name")));
        List<String> contributors = new ArrayList<>();
        children(entry, ATOM, "contributor").forEach(a -> contributors.add(text(a, ATOM, "name")));
        assertThat(authors).containsExactly("Ada Writer");
        assertThat(contributors).containsExactly("Ed Itor");
        assertThat(children(entry, ATOM, "category")).extracting(c -> c.getAttribute("label")).isEqualTo(subjects);
    }

    @Test
    void marcDescribesAnOnlineText() {
        String leader = text(marc, MARC, "leader").get(0);
        assertThat(leader).hasSize(24);
        assertThat(leader.substring(5, 10)).as("new, language material, monograph, Unicode").isEqualTo("nam a");
        assertThat(leader.substring(18, 19)).as("ISBD punctuation").isEqualTo("i");
        String fixed = controlField("008");
        assertThat(fixed).hasSize(40);
        assertThat(fixed.charAt(23)).as("008/23 form of item: online").isEqualTo('o');
        assertThat(fixed.substring(0, 6)).isEqualTo("260115");
        assertThat(controlField("006")).hasSize(18).startsWith("m");
        assertThat(controlField("007")).startsWith("cr");
        assertThat(controlField("005")).isEqualTo("20260115000000.0");
        assertThat(marcSubfields("300", 'a')).containsExactly("1 online resource.");
        assertThat(marcSubfields("347", 'b')).containsExactly("EPUB");
        assertThat(marcSubfields("338", 'b')).containsExactly("cr");
        assertThat(marcSubfields("250", 'a')).isEmpty();
        assertThat(marcSubfields("490", 'a')).containsExactly("Test Books ;");
        assertThat(marcSubfields("490", 'v')).containsExactly("1");
        assertThat(marcSubfields("532", 'a').get(0)).startsWith("This e-book is text only");
        assertThat(marcSubfields("655", 'a')).containsExactly("Electronic books.");
        assertThat(marcSubfields("856", 'u')).containsExactly("https://example.org/books/basic-test.epub");
    }

    @Test
    void subjectHeadingsBecomeSubfields() {
        List<Element> subjects = fields("650");
        assertThat(subjects).hasSize(3);
        assertThat(codes(subjects.get(0))).isEqualTo("4 a:Testing.");
        assertThat(codes(subjects.get(1))).isEqualTo("4 a:Bookbinding z:Great Britain x:History y:19th century.");
        assertThat(codes(subjects.get(2))).isEqualTo("7 a:Book design x:Testing. 2:bookbinder-tests 0:bt-0001");
    }

    @Test
    void anIsbnIsRecordedIn020(@TempDir Path temp) throws Exception {
        Path book = temp.resolve("isbn");
        Files.createDirectories(book.resolve("chapters"));
        Files.writeString(book.resolve("book.yaml"), "id: isbn\ntitle: The Numbered Book\nlanguage: de\nidentifier: urn:isbn:978-0-306-40615-7\n");
        Files.writeString(book.resolve("chapters/01-eins.md"), "# Eins\n\nText.\n");
        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(temp.resolve("out")).withCheck(false));
        assertThat(result.succeeded()).as("%s", result.diagnostics()).isTrue();
        Document isbn = parse(Files.readAllBytes(temp.resolve("out/isbn.marc.xml")));
        List<String> sub020 = new ArrayList<>();
        List<Element> f245 = new ArrayList<>();
        for (Element f : children(firstRecord(isbn), MARC, "datafield")) {
            if (f.getAttribute("tag").equals("020")) {
                sub020.add(codes(f));
            }
            if (f.getAttribute("tag").equals("024") || f.getAttribute("tag").equals("100")) {
                throw new AssertionError("no 024 with an ISBN, no 100 without an author: " + codes(f));
            }
            if (f.getAttribute("tag").equals("245")) {
                f245.add(f);
            }
        }
        assertThat(sub020).containsExactly("   a:9780306406157 q:(EPUB)");
        assertThat(f245.get(0).getAttribute("ind1")).as("no 1XX").isEqualTo("0");
        assertThat(f245.get(0).getAttribute("ind2")).as("German: no English article skipped").isEqualTo("0");
        assertThat(codes(f245.get(0))).endsWith("a:The Numbered Book.");
        List<String> lang = new ArrayList<>();
        for (Element f : children(firstRecord(isbn), MARC, "datafield")) {
            if (f.getAttribute("tag").equals("041")) {
                lang.add(codes(f));
            }
        }
        assertThat(lang).as("MARC's bibliographic code for German").containsExactly("0  a:ger");
        Document entry = parse(Files.readAllBytes(temp.resolve("out/isbn.opds.xml")));
        assertThat(text(entry, ATOM, "id")).containsExactly("urn:isbn:978-0-306-40615-7");
        assertThat(children(entry.getDocumentElement(), ATOM, "link").get(0).getAttribute("href")).isEqualTo("isbn.epub");
    }

    // --- helpers

    private static String codes(Element field) {
        StringBuilder s = new StringBuilder(field.getAttribute("ind2"));
        if (field.getAttribute("tag").equals("020") || field.getAttribute("tag").equals("041")) {
            s = new StringBuilder(field.getAttribute("ind1") + field.getAttribute("ind2"));
        }
        for (Element sf : children(field, MARC, "subfield")) {
            s.append(' ').append(sf.getAttribute("code")).append(':').append(sf.getTextContent());
        }
        return s.toString();
    }

    private static Map<String, String> opfRoles() {
        Map<String, String> roles = new LinkedHashMap<>();
        NodeList metas = opf.getElementsByTagNameNS(OPF, "meta");
        for (String tag : List.of("creator", "contributor")) {
            NodeList names = opf.getElementsByTagNameNS(DC, tag);
            for (int i = 0; i < names.getLength(); i++) {
                Element name = (Element) names.item(i);
                for (int j = 0; j < metas.getLength(); j++) {
                    Element m = (Element) metas.item(j);
                    if (m.getAttribute("refines").equals("#" + name.getAttribute("id")) && m.getAttribute("property").equals("role")) {
                        assertThat(m.getAttribute("scheme")).isEqualTo("marc:relators");
                        roles.put(name.getTextContent(), m.getTextContent());
                    }
                }
            }
        }
        return roles;
    }

    private static Element firstRecord(Document d) {
        return (Element) d.getElementsByTagNameNS(MARC, "record").item(0);
    }

    private static List<Element> fields(String tag) {
        List<Element> out = new ArrayList<>();
        for (Element f : children(firstRecord(marc), MARC, "datafield")) {
            if (f.getAttribute("tag").equals(tag)) {
                out.add(f);
            }
        }
        return out;
    }

    private static List<String> marcSubfields(String tag, char code) {
        List<String> out = new ArrayList<>();
        for (Element f : fields(tag)) {
            for (Element sf : children(f, MARC, "subfield")) {
                if (sf.getAttribute("code").equals(String.valueOf(code))) {
                    out.add(sf.getTextContent());
                }
            }
        }
        return out;
    }

    private static String controlField(String tag) {
        for (Element f : children(firstRecord(marc), MARC, "controlfield")) {
            if (f.getAttribute("tag").equals(tag)) {
                return f.getTextContent();
            }
        }
        throw new AssertionError("no control field " + tag);
    }

    private static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String ns, String local) {
        return children(parent, ns, local).get(0).getTextContent();
    }

    private static List<String> text(Document d, String ns, String local) {
        List<String> out = new ArrayList<>();
        NodeList list = d.getElementsByTagNameNS(ns, local);
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent());
        }
        return out;
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
