package org.bookbinder.render;

import java.util.List;
import java.util.Set;

/**
 * A back-matter page that a feature writes from the whole book (the glossary, the bibliography): its body comes
 * from the feature's own template, and the renderer gives it what every page gets — the document wrapper
 * ({@code chapter.xhtml}), a place in the spine and the table of contents, a landmark when its type has one, and
 * a part of the print edition. Generated pages follow the chapters, in the order the features give them, and
 * precede the colophon.
 *
 * @param slug               the output name: {@code text/<slug>.xhtml}
 * @param titleId            the id of the page's {@code h1}, which the body must contain
 * @param type               its EPUB structural semantic ({@code glossary}, {@code bibliography}); the ARIA role
 *                           is {@code doc-<type>}
 * @param bodyXhtml          the inside of the page's {@code <section>}, as XHTML, starting with its {@code h1}
 * @param manifestProperties extra OPF manifest properties of its document (e.g. {@code glossary})
 * @param resources          files the page brings into the package (e.g. a search key map)
 */
public record GeneratedPage(String slug, String titleId, String title, String type, String bodyXhtml,
                            Set<String> manifestProperties, List<Rendition.PackageResource> resources) {
    public GeneratedPage {
        manifestProperties = Set.copyOf(manifestProperties);
        resources = List.copyOf(resources);
    }
}
