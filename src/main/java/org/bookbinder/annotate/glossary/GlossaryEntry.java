package org.bookbinder.annotate.glossary;

import org.commonmark.node.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the glossary.
 *
 * <p>The parsed definition is handed on to the annotate stage, which owns it from then on (as with a chapter's
 * tree, see {@link org.bookbinder.load.Chapter}): typography rewrites it in place.
 *
 * @param id         the entry's id, unique in the glossary, made from the term: the glossary page's anchors are
 *                   {@code term-<id>} (the {@code dfn}) and {@code def-<id>} (the {@code dd})
 * @param term       the term as the page shows it, whitespace collapsed
 * @param aliases    other forms that link to the entry (plurals, variants), whitespace collapsed
 * @param definition the definition's Markdown, parsed with the chapter parser
 * @param line       where the term is written in the glossary file (1-based), for diagnostics
 */
public record GlossaryEntry(String id, String term, List<String> aliases, Document definition, int line, int column) {
    public GlossaryEntry {
        aliases = List.copyOf(aliases);
    }

    /** The term and its aliases: every form the text may use. */
    public List<String> forms() {
        List<String> forms = new ArrayList<>(aliases.size() + 1);
        forms.add(term);
        forms.addAll(aliases);
        return forms;
    }

    /** The id of the term's {@code dfn} on the glossary page. */
    public String termId() {
        return "term-" + id;
    }

    /** The id of the definition's {@code dd} on the glossary page: what links in the text point at. */
    public String definitionId() {
        return "def-" + id;
    }
}
