package org.bookbinder.render.print;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ClassNames} answers as jsoup's {@link Element#hasClass} does. */
class ClassNamesTest {
    @Test
    void answersAsJsoupDoes() {
        List<String> values = List.of("caps", "CAPS", "Caps note", "a caps b", "\tcaps\n", "capsx", "xcaps", "note-p",
                "note note-p", "note-p\fnote\r", "", " ", "  caps  ", "cap\u017F", "caps\u00A0note", "n", "csl-entry x");
        List<String> names = List.of("caps", "note", "note-p", "csl-entry", "n");
        for (String value : values) {
            Element e = new Element("span").attr("class", value);
            for (String name : names) {
                assertThat(ClassNames.has(ClassNames.of(e), name)).as("%s in class=\"%s\"", name, value)
                        .isEqualTo(e.hasClass(name));
            }
        }
        Element bare = new Element("p");
        assertThat(ClassNames.of(bare)).isEmpty();
        assertThat(ClassNames.has(ClassNames.of(bare), "caps")).isFalse();
    }
}
