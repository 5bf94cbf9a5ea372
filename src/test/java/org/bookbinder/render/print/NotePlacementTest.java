package org.bookbinder.render.print;

import org.bookbinder.render.Markup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotePlacementTest {
    @Test
    void notesMoveBesideTheirReferencesAsPhrasingContent() {
        Element body = Markup.parseFragment("<p>One.<a id=\"nref-1\" href=\"#note-1\" class=\"noteref\" role=\"doc-noteref\">1</a> Two.</p>"
                + "<section class=\"notes\" aria-labelledby=\"notes-title\"><h2 id=\"notes-title\">Notes</h2>"
                + "<aside id=\"note-1\" class=\"note\" role=\"doc-footnote\"><p><a href=\"#nref-1\" class=\"backlink\">1.</a> First <em>note</em>.</p>"
                + "<p>Second paragraph.</p><ul><li>item</li></ul></aside></section>");
        assertThat(NotePlacement.placeBesideReferences(body)).isEqualTo(1);
        assertThat(Markup.html(body)).isEqualTo("<p class=\"with-notes\">One.<a id=\"nref-1\" href=\"#note-1\" class=\"noteref\" role=\"doc-noteref\">1</a>"
                + "<span id=\"note-1\" class=\"note\" role=\"doc-footnote\"><span class=\"note-p\"><a href=\"#nref-1\" class=\"backlink\">1.</a> First <em>note</em>.</span>"
                + "<span class=\"note-p\">Second paragraph.</span><span class=\"note-ul\"><span class=\"note-li\">item</span></span></span> Two.</p>");
    }
}
