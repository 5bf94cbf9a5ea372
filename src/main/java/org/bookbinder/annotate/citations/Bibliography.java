package org.bookbinder.annotate.citations;

import de.undercouch.citeproc.csl.CSLItemData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The works a book can cite, as read from its bibliography file (CSL-JSON or BibTeX), in the order of the file.
 * Immutable: {@link CSLItemData} has no setters.
 */
public final class Bibliography {
    /** One work: its citation key, its data for citeproc and the line where the file defines it. */
    public record Entry(String id, CSLItemData data, int line) {
    }

    private final String file;
    private final List<Entry> entries;
    private final Map<String, Entry> byId;

    /** @param file the bibliography file relative to the book directory, for diagnostics */
    public Bibliography(String file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : this.entries) {
            map.putIfAbsent(e.id(), e);
        }
        this.byId = java.util.Collections.unmodifiableMap(map);
    }

    public String file() {
        return file;
    }

    /** Every entry, in the order of the file. */
    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The citation keys, in the order of the file. */
    public Set<String> ids() {
        return byId.keySet();
    }
}
