package org.bookbinder.packaging.library;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which MARC subfield each part of an LCSH-style "A -- B -- C" heading goes in. */
class SubdivisionCodeTest {
    @ParameterizedTest(name = "{0} -> ${1}")
    @CsvSource(delimiter = '|', value = {
            "20th century|y", "1939-1945|y", "1940s|y", "To 1500|y", "19th century, 1801-1850|y",
            "Sources|v", "Personal narratives|v", "Juvenile literature|v",
            "History|x", "Collaborationists|x", "Prisoners and prisons, Soviet|x", "Testing|x", "Religious aspects|x",
            "Soviet Union|z", "Poland|z", "Germany|z", "Great Britain|z", "Katyn (Russia)|z", "New York (State)|z",
    })
    void subdivision(String part, char code) {
        assertThat(MarcRecord.subdivisionCode(part)).isEqualTo(code);
    }
}
