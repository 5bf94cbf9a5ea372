package org.bookbinder.diagnostics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which slips get a "did you mean": keys word for word, ids (anchors) word by word. */
class DidYouMeanTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "tilte, title", "rol, role", "alaises, aliases", "apendix, appendix", "mathml, MathML",
            "chicago-author-dates, chicago-author-date",
    })
    void aKeyGetsTheNearestKnownKey(String word, String known) {
        assertThat(DidYouMean.nearest(word, List.of("language", known, "id"))).contains(known);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "camp-list, camps-list", "Camps-List, camps-list", "camps-lsit, camps-list", "summary, summery",
            "the-retrun, the-return", "prisoners-of-wars, prisoners-of-war", "camplist, camp-list", "camps_list, camps-list",
            "note-1, note1",
    })
    void anAnchorGetsAnIdThatDiffersBySlipsInItsWords(String anchor, String id) {
        assertThat(DidYouMean.nearestId(anchor, List.of("chapter-one", id, "nkvd"))).contains(id);
    }

    @ParameterizedTest(name = "{0} ↛ {1}")
    @CsvSource({
            "chapter-two, chapter-one", "soviet-pows-in-1941, german-pows-in-1941", "first-camps, last-camps",
            "part-1, part-2", "the-camps-in-1941, the-camps-in-1945", "fn1, fn2", "a, b", "x1, y2", "notes, note-1",
            "start, nkvd", "fragment, example-501", "camps, camps-list",
    })
    void anAnchorGetsNoFarFetchedId(String anchor, String id) {
        assertThat(DidYouMean.nearestId(anchor, List.of(id))).isEqualTo(Optional.empty());
        assertThat(DidYouMean.hintId(anchor, List.of(id))).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"chapter-one, chapter-one", "camps-lisst, camps-list"})
    void theNearestOfSeveralIsSuggested(String anchor, String id) {
        assertThat(DidYouMean.hintId(anchor, List.of("camps-lists-all", id, "camp-lists")))
                .isEqualTo(" (did you mean '" + id + "'?)");
    }
}
