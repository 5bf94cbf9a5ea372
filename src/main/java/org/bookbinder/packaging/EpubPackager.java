package org.bookbinder.packaging;

import nl.siegmann.epublib.domain.Author;
import nl.siegmann.epublib.domain.Book;
import nl.siegmann.epublib.domain.Identifier;
import nl.siegmann.epublib.domain.MediaType;
import nl.siegmann.epublib.domain.Resource;
import nl.siegmann.epublib.domain.TOCReference;
import nl.siegmann.epublib.epub.NCXDocument;
import nl.siegmann.epublib.service.MediatypeService;
import org.bookbinder.packaging.accessibility.AccessibilityMetadata;
import org.bookbinder.load.BookConfig;
import org.kxml2.io.KXmlSerializer;
import org.xmlpull.v1.XmlSerializer;
import org.bookbinder.load.Creator;
import org.bookbinder.render.Rendition;
import org.bookbinder.render.Rendition.ContentDocument;
import org.bookbinder.render.Rendition.NavPoint;
import org.bookbinder.render.Templates;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 4: turns a rendition into an EPUB 3 file. The package is modelled as an epublib {@link Book} (resources,
 * spine, table of contents, metadata); epublib's {@link NCXDocument} writes the legacy NCX from it. The EPUB 3
 * package document comes from the {@code package.opf} template, since epublib writes EPUB 2 only.
 */
public final class EpubPackager {
    public static final String CONTENT_DIR = "EPUB/";
    private static final MediaType XHTML = MediatypeService.XHTML;
    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", java.util.Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final byte[] NO_DATA = new byte[0];

    private EpubPackager() {
    }

    /** Writes the EPUB to {@code out} (not closed), with the accessibility metadata derived from the content. */
    public static void write(Rendition rendition, AccessibilityMetadata accessibility, OutputStream out) throws IOException {
        // The package document and the NCX (with epublib's model) are made while the other entries are deflated.
        try (DeterministicZip zip = new DeterministicZip(new NonClosing(out), rendition.modified())) {
            zip.mimetype();
            zip.add("META-INF/container.xml", resource("/org/bookbinder/templates/epub/container.xml"));
            zip.add(CONTENT_DIR + "package.opf", () -> packageDocument(rendition, accessibility).getBytes(StandardCharsets.UTF_8));
            zip.add(CONTENT_DIR + "toc.ncx", () -> {
                try {
                    return ncx(model(rendition));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            zip.add(CONTENT_DIR + "styles/epub.css", rendition.epubCss().getBytes(StandardCharsets.UTF_8));
            for (ContentDocument doc : rendition.documents()) {
                zip.add(CONTENT_DIR + doc.href(), doc.utf8());
            }
            for (Rendition.PackageResource r : rendition.resources()) {
                zip.add(CONTENT_DIR + r.href(), r.data());
            }
        }
    }

    /**
     * The legacy NCX, written by epublib's {@link NCXDocument}. The serializer is made here rather than through
     * xmlpull's factory lookup, which breaks when two XML pull libraries share the classpath's service file. It writes
     * through a buffer: given the stream, it encodes every small piece on its own (2 % of a 1,000-chapter build).
     * epublib starts the document with the encoding, UTF-8, which is what the serializer escapes by.
     */
    static byte[] ncx(Book book) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream(1024 + 256 * book.getTableOfContents().size());
        XmlSerializer serializer = new KXmlSerializer();
        serializer.setOutput(new BufferedWriter(new OutputStreamWriter(data, StandardCharsets.UTF_8), 1 << 16));
        NCXDocument.write(serializer, book);
        return data.toByteArray();
    }

    /** The epublib model of the package: metadata, resources, spine and table of contents. */
    static Book model(Rendition rendition) {
        BookConfig config = rendition.config();
        Book book = new Book();
        book.getMetadata().addTitle(config.title());
        book.getMetadata().setLanguage(config.language());
        book.getMetadata().addIdentifier(new Identifier(scheme(config.identifier()), config.identifier()));
        for (Creator c : config.creators()) {
            Author author = ncxAuthor(c);
            if (c.role().equals("aut")) {
                book.getMetadata().addAuthor(author);
            } else {
                book.getMetadata().addContributor(author);
            }
        }
        Map<String, Resource> byHref = new HashMap<>();
        book.getResources().add(new Resource("css", rendition.epubCss().getBytes(StandardCharsets.UTF_8), "styles/epub.css", MediatypeService.CSS));
        for (ContentDocument doc : rendition.documents()) {
            // The model's resources carry no data: only the NCX is written from it, which needs their hrefs and titles.
            Resource r = new Resource(doc.id(), NO_DATA, doc.href(), XHTML);
            r.setTitle(doc.title());
            book.getResources().add(r);
            byHref.put(doc.href(), r);
            if (doc.inSpine()) {
                book.getSpine().addResource(r);
            }
        }
        for (Rendition.PackageResource r : rendition.resources()) {
            MediaType type = MediatypeService.getMediaTypeByName(r.mediaType());
            String extension = r.href().substring(r.href().lastIndexOf('.'));
            book.getResources().add(new Resource(r.id(), r.data(), r.href(), type != null ? type : new MediaType(r.mediaType(), extension)));
        }
        for (NavPoint point : rendition.toc()) {
            book.getTableOfContents().addTOCReference(reference(point, byHref));
        }
        return book;
    }

    /** epublib writes authors as "last, first": give it the file-as form's parts, or split the name at its last space. */
    private static Author ncxAuthor(Creator c) {
        String fileAs = c.fileAs().orElse(null);
        if (fileAs != null && fileAs.contains(",")) {
            int comma = fileAs.indexOf(',');
            return new Author(fileAs.substring(comma + 1).strip(), fileAs.substring(0, comma).strip());
        }
        int space = c.name().lastIndexOf(' ');
        return space < 0 ? new Author("", c.name()) : new Author(c.name().substring(0, space), c.name().substring(space + 1));
    }

    private static TOCReference reference(NavPoint point, Map<String, Resource> byHref) {
        int hash = point.href().indexOf('#');
        String file = hash < 0 ? point.href() : point.href().substring(0, hash);
        String fragment = hash < 0 ? null : point.href().substring(hash + 1);
        TOCReference ref = new TOCReference(point.title(), byHref.get(file), fragment);
        for (NavPoint child : point.children()) {
            ref.addChildSection(reference(child, byHref));
        }
        return ref;
    }

    private static String scheme(String urn) {
        return urn.startsWith("urn:isbn:") ? "ISBN" : "UUID";
    }

    private static String packageDocument(Rendition rendition, AccessibilityMetadata accessibility) {
        BookConfig c = rendition.config();
        boolean hasAuthor = c.creators().stream().anyMatch(cr -> cr.role().equals("aut"));
        List<Map<String, Object>> creators = new ArrayList<>();
        int n = 0;
        for (Creator cr : c.creators()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n++;
            boolean primary = !hasAuthor || cr.role().equals("aut");
            m.put("element", primary ? "creator" : "contributor");
            m.put("id", (primary ? "creator-" : "contributor-") + n);
            m.put("name", cr.name());
            m.put("role", cr.role());
            m.put("fileAs", cr.fileAs().orElse(null));
            creators.add(m);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item("ncx", "toc.ncx", "application/x-dtbncx+xml", null));
        items.add(item("css", "styles/epub.css", "text/css", null));
        List<String> spine = new ArrayList<>();
        for (ContentDocument doc : rendition.documents()) {
            items.add(item(doc.id(), doc.href(), XHTML.getName(), doc.properties().isEmpty() ? null : String.join(" ", doc.properties().stream().sorted().toList())));
            if (doc.inSpine()) {
                spine.add(doc.id());
            }
        }
        for (Rendition.PackageResource r : rendition.resources()) {
            items.add(item(r.id(), r.href(), r.mediaType(), r.properties().isEmpty() ? null : String.join(" ", r.properties().stream().sorted().toList())));
        }
        Map<String, Object> v = new HashMap<>();
        v.put("lang", c.language());
        v.put("identifier", c.identifier());
        v.put("title", c.title());
        v.put("subtitle", c.subtitle().orElse(null));
        v.put("creators", creators);
        v.put("date", c.date().map(Object::toString).orElse(null));
        v.put("publisher", c.publisher().orElse(null));
        v.put("rights", c.rights().orElse(null));
        v.put("description", c.description().orElse(null));
        v.put("source", c.source().orElse(null));
        List<Map<String, Object>> subjects = new ArrayList<>();
        for (BookConfig.Subject s : c.subjects()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", "subject-" + (subjects.size() + 1));
            m.put("heading", s.heading());
            m.put("authority", s.authority().orElse(null));
            m.put("term", s.term().orElse(null));
            subjects.add(m);
        }
        v.put("subjects", subjects);
        Map<String, Object> a11y = new LinkedHashMap<>();
        a11y.put("accessModes", accessibility.accessModes());
        a11y.put("accessModesSufficient", accessibility.accessModesSufficient());
        a11y.put("features", accessibility.features());
        a11y.put("hazards", accessibility.hazards());
        a11y.put("summary", accessibility.summary());
        a11y.put("conformsTo", accessibility.conformsTo().orElse(null));
        a11y.put("certifiedBy", accessibility.certifiedBy().orElse(null));
        v.put("a11y", a11y);
        v.put("series", c.series().orElse(null));
        v.put("modified", MODIFIED.format(rendition.modified()));
        v.put("items", items);
        v.put("spine", spine);
        return Templates.epub("package.opf", v);
    }

    private static Map<String, Object> item(String id, String href, String mediaType, String properties) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("href", href);
        m.put("mediaType", mediaType);
        m.put("properties", properties);
        return m;
    }

    private static byte[] resource(String path) {
        try (InputStream in = EpubPackager.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets the zip finish its central directory without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** The format of {@code dcterms:modified}, for the library records that repeat it. */
    public static String modified(Rendition rendition) {
        return MODIFIED.format(rendition.modified());
    }
}
