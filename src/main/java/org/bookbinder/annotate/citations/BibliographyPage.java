package org.bookbinder.annotate.citations;

import org.bookbinder.render.GeneratedPage;
import org.bookbinder.render.Templates;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bibliography page: {@code templates/epub/bibliography.xhtml} inside the renderer's wrapper, which makes it
 * {@code <section epub:type="bibliography" role="doc-bibliography">} and lists it in the spine, the table of
 * contents, the landmarks and the print edition. Entries are a list, {@code <ul class="csl-bib-body">} of
 * {@code <li id="ref-…" class="csl-entry">}, without the deprecated {@code doc-biblioentry} role.
 */
public final class BibliographyPage {
    static final String TITLE_ID = "bibliography-title";

    private BibliographyPage() {
    }

    public static GeneratedPage of(FormattedBibliography bibliography) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("titleId", TITLE_ID);
        vars.put("title", bibliography.title());
        vars.put("entries", bibliography.entries());
        String body = Templates.epub("bibliography.xhtml", vars);
        return new GeneratedPage(bibliography.slug(), TITLE_ID, bibliography.title(), "bibliography", body.strip(),
                Set.of(), List.of());
    }
}
