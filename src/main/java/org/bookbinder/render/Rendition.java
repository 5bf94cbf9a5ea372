package org.bookbinder.render;

import org.bookbinder.load.BookConfig;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The rendered book: every content document of the EPUB in reading order, its stylesheet, the structure the
 * package needs (table of contents, landmarks), and the print edition.
 *
 * @param printHtml the print edition, as the UTF-8 bytes of its file, read-only (a big book's is tens of megabytes:
 *                  as text it would take twice the memory, and be encoded again to be written)
 */
public record Rendition(BookConfig config, Instant modified, List<ContentDocument> documents, String epubCss,
                        List<NavPoint> toc, ByteBuffer printHtml, List<PackageResource> resources) {
    public Rendition {
        documents = List.copyOf(documents);
        toc = List.copyOf(toc);
        resources = List.copyOf(resources);
    }

    /**
     * A file of the package that is not a content document in the spine (e.g. a glossary's search key map).
     *
     * @param href path inside the content folder
     */
    public record PackageResource(String id, String href, String mediaType, byte[] data, Set<String> properties) {
        public PackageResource {
            properties = Set.copyOf(properties);
        }
    }

    /**
     * One XHTML content document.
     *
     * @param id         the manifest id
     * @param href       the path inside the EPUB's content folder: {@code text/01-introduction.xhtml}
     * @param utf8       the document, as the UTF-8 bytes of its file (half the memory of the text for a big book)
     * @param properties manifest properties ({@code nav}, …)
     * @param inSpine    whether it is in the spine (all content documents are, today)
     */
    public record ContentDocument(String id, String href, String title, byte[] utf8, Set<String> properties,
                                  boolean inSpine) {
        public ContentDocument {
            properties = Set.copyOf(properties);
        }

        public ContentDocument(String id, String href, String title, String xhtml, Set<String> properties, boolean inSpine) {
            this(id, href, title, xhtml.getBytes(StandardCharsets.UTF_8), properties, inSpine);
        }

        /** The document as text. */
        public String xhtml() {
            return new String(utf8, StandardCharsets.UTF_8);
        }
    }

    /** An entry of the table of contents. */
    public record NavPoint(String title, String href, List<NavPoint> children) {
        public NavPoint {
            children = List.copyOf(children);
        }
    }
}
