package org.bookbinder.packaging.accessibility;

import org.bookbinder.diagnostics.Diagnostic;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.render.Rendition.ContentDocument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What no manuscript can cause, since every page comes from a template that sets the language: a content
 * document without {@code lang} and {@code xml:lang} on its root (A11Y-006), as a broken template would write it.
 */
class ContentInspectorTest {
    @Test
    void aDocumentWithoutItsLanguageIsA11y006() {
        String xhtml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head><title>One</title></head>\n"
                + "<body><p>Text.</p></body>\n</html>\n";
        ContentDocument page = new ContentDocument("one", "text/01-one.xhtml", "One", xhtml.getBytes(StandardCharsets.UTF_8), Set.of(), true);
        Diagnostics diagnostics = new Diagnostics();

        ContentInspector.inspect(List.of(page), "en", "book.epub/EPUB/", diagnostics);

        assertThat(diagnostics.list()).extracting(Diagnostic::format).containsExactly(
                "book.epub/EPUB/text/01-one.xhtml:3:1: warning A11Y-006: the document's <html> needs lang and xml:lang, both the same "
                        + "(has lang='en', xml:lang=none)");
    }
}
