package org.bookbinder.render.print;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TextLength} counts what jsoup's {@code text()} would hold, for every element of many kinds of markup, and for
 * the spans at or under it (spans in spans among them).
 */
class TextLengthTest {
    private static final List<String> TAGS = List.of("p", "span", "em", "a", "sup", "code", "pre", "br", "div", "section",
            "aside", "ul", "li", "table", "tr", "td", "th", "h2", "blockquote", "dl", "dt", "dd", "img", "q", "small");
    private static final List<String> TEXTS = List.of("word", " ", "  ", "\n", "\t", "\u00A0", "\u00AD", "\u200B",
            "“Curly”", "a\u00A0b", " lead", "trail ", "😀", "\u0001", "x\r\ny", "Ž", "—", "&amp;", "&lt;", "9 km");

    private static void assertSameAsJsoup(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element e : body.getAllElements()) {
            assertThat(TextLength.of(e)).as("text() of <%s> in %s", e.tagName(), html).isEqualTo(e.text().length());
            int spans = e.select("span").stream().mapToInt(s -> s.text().length()).sum();
            assertThat(TextLength.of(e, s -> s.nameIs("span"))).as("text() of <%s> and of its spans in %s", e.tagName(), html)
                    .isEqualTo(new TextLength.Lengths(e.text().length(), spans));
        }
    }

    @Test
    void theCasesJsoupTreatsApart() {
        assertSameAsJsoup("<p>  Two   spaces\n and\u00A0a\u00A0no-break. </p><p>Next</p>");
        assertSameAsJsoup("<p>Line<br>break<br></p>text after<div>block</div>after");
        assertSameAsJsoup("<pre>  kept\n  as   it is </pre><p>soft\u00ADhyphen zero\u200Bwidth</p>");
        assertSameAsJsoup("<table><tr><td>a</td><td></td><td> b </td></tr></table>x");
        assertSameAsJsoup("<span><div>block in inline</div></span>text<span>more</span>");
        assertSameAsJsoup("<p>A note.<a href=\"#n\">1</a><span class=\"note\"><span class=\"note-p\">The note 😀.</span></span> On.</p>");
        assertSameAsJsoup("");
        assertSameAsJsoup("<p> </p><p>\u0001</p>");
    }

    @Test
    void randomMarkup() {
        Random random = new Random(7);
        for (int n = 0; n < 400; n++) {
            StringBuilder html = new StringBuilder();
            write(html, random, 0);
            assertSameAsJsoup(html.toString());
        }
    }

    private static void write(StringBuilder html, Random random, int depth) {
        int parts = 1 + random.nextInt(5);
        for (int i = 0; i < parts; i++) {
            if (depth < 5 && random.nextInt(3) == 0) {
                String tag = TAGS.get(random.nextInt(TAGS.size()));
                html.append('<').append(tag).append('>');
                if (!tag.equals("br") && !tag.equals("img")) {
                    write(html, random, depth + 1);
                    html.append("</").append(tag).append('>');
                }
            } else {
                html.append(TEXTS.get(random.nextInt(TEXTS.size())));
            }
        }
    }
}
