package org.bookbinder.render;

import org.bookbinder.load.BookConfig;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The rendered book: every content document of the EPUB in reading order, its stylesheet, the structure the
 * package needs (table of contents, landmarks), and the print edition.
 */
public record Rendition(BookConfig config, Instant modified, List<ContentDocument> documents, String epubCss,
                        List<NavPoint> toc, String printHtml, List<PackageResource> resources) {
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
     * @param properties manifest properties ({@code nav}, …)
     * @param inSpine    whether it is in the spine (all content documents are, today)
     */
    public record ContentDocument(String id, String href, String title, String xhtml, Set<String> properties,
                                  boolean inSpine) {
        public ContentDocument {
            properties = Set.copyOf(properties);
        }
    }

    /** An entry of the table of contents. */
    public record NavPoint(String title, String href, List<NavPoint> children) {
        public NavPoint {
            children = List.copyOf(children);
        }
    }
}
