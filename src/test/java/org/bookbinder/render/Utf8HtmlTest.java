package org.bookbinder.render;

import org.bookbinder.annotate.AnnotatedBook;
import org.bookbinder.annotate.AnnotatedChapter;
import org.bookbinder.annotate.Annotator;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.ManuscriptLoader;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The print edition's parts written by {@link Utf8Html} are the bytes of jsoup's own HTML serialisation, UTF-8
 * encoded: on every chapter of the flagship, the test books and a small synthetic book, set for print as the renderer
 * sets them, and on markup made to hold what each side escapes, drops or writes differently.
 */
class Utf8HtmlTest {
    @TempDir
    static Path temp;

    @Test
    void everyPrintPartIsWhatJsoupWrites() throws IOException {
        int parts = 0;
        for (Path book : DirectXhtmlTest.books(temp)) {
            Diagnostics diagnostics = new Diagnostics();
            AnnotatedBook annotated = Annotator.annotate(ManuscriptLoader.load(book, diagnostics), Optional.empty(), diagnostics);
            List<String> slugs = new ArrayList<>();
            annotated.chapters().forEach(c -> slugs.add(c.slug()));
            PrintEdition.Setting setting = PrintEdition.Setting.of(annotated, slugs);
            for (AnnotatedChapter chapter : annotated.chapters()) {
                Element body = Markup.parseFragment(ChapterHtml.render(chapter.document()));
                PrintEdition.set(PrintEdition.Part.of(chapter, body), setting);     // the tree is set in place
                assertThat(new String(Markup.htmlUtf8(body), StandardCharsets.UTF_8)).as("%s: %s", book, chapter.file())
                        .isEqualTo(Markup.html(body));
                parts++;
            }
        }
        assertThat(parts).isGreaterThan(10);
    }

    @Test
    void escapesDropsAndHandsOverAsJsoupDoes() {
        String[] cases = {
            "<p class=\"a&amp;b &lt;c&gt; &quot;d&quot; 'e' \u00A0f\">Text &amp; &lt;tag&gt; \"quoted\" 'single' \u00A0nbsp\u00AD soft</p>",
            "<p>Controls: a\u0001b\u0008c\td\ne\rf\u000Bg\u001Fh and \uFFFE\uFFFF\uFFFD end</p>",
            "<p>Pairs: \uD83D\uDE00 lone high \uD83D x lone low \uDE00 y, high at the end \uD83D</p>",
            "<p>Two bytes é ß, three — € 中文, four \uD801\uDC00</p>",
            "<p>A<br>b<wbr>c<hr><img src=\"x.png\" alt=\"\"><img src=\"y.png\" alt=\"A y\"></p>",
            "<p><span hidden>boolean</span><span hidden=\"hidden\">named</span><span title=\"\">empty</span></p>",
            "<p><input type=\"checkbox\" checked><select><option selected>o</option></select></p>",
            "<div><!-- a comment --><script>if (a < b && c > d) {}</script><style>p > a { }</style></div>",
            "<p><custom-tag data-x=\"1\">unknown</custom-tag><svg viewBox=\"0 0 1 1\"><circle r=\"1\"/></svg></p>",
            "<table><thead><tr><th scope=\"col\">H</th></tr></thead><tbody><tr><td colspan=\"2\">D</td></tr></tbody></table>",
            "<p><a href=\"https://example.org/?a=1&amp;b=%20\" data-definition=\"Def &lt;i&gt;x&lt;/i&gt;\">link</a></p>",
            "<textarea>t &lt; u</textarea><title>x &amp; y</title><pre>  pre\n  text </pre>",
            "<p aria-label=\"Label\" xml:lang=\"de\" data-Upper=\"U\">attributes of other names</p>",
        };
        for (String html : cases) {
            Element body = Markup.parseFragment(html);
            assertThat(new String(Markup.htmlUtf8(body), StandardCharsets.UTF_8)).as(html).isEqualTo(Markup.html(body));
            assertThat(Markup.htmlUtf8(body)).as(html).isEqualTo(Markup.html(body).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void textAndAttributesSetOnTheTreeAreWrittenAsJsoupWrites() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x800; c++) {
            every.append(c);
        }
        every.append("\uD7FF\uD800\uDBFF\uDC00\uDFFF\uE000\uFFFD\uFFFE\uFFFF\uD83D\uDE00\u2028\u00AD");
        Element body = Markup.parseFragment("<p></p>");
        Element p = body.child(0);
        p.appendText(every.toString());
        p.appendElement("span").attr("class", every.toString()).attr("data-x", "\"&<>'\u00A0").text("after");
        assertThat(Markup.htmlUtf8(body)).isEqualTo(Markup.html(body).getBytes(StandardCharsets.UTF_8));
    }
}
