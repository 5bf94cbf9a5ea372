package org.bookbinder.annotate.glossary;

import java.util.List;

/**
 * The glossary as read from its file: entries in the order the file gives them.
 *
 * @param file the glossary file, relative to the book directory (for diagnostics)
 */
public record Glossary(String file, List<GlossaryEntry> entries) {
    public Glossary {
        entries = List.copyOf(entries);
    }
}
