package org.bookbinder.render;

import org.bookbinder.load.Creator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Statements of responsibility for title pages: "Edited and annotated by …", from creators and their MARC roles. */
public final class Credits {
    private static final Map<String, String> VERBS = Map.of(
            "edt", "edited", "ann", "annotated", "trl", "translated", "ill", "illustrated",
            "aui", "introduced", "com", "compiled", "aft", "afterword", "ctb", "with contributions");

    private Credits() {
    }

    /** The authors' names, joined: "A", "A and B", "A, B and C". */
    public static String authors(List<Creator> creators) {
        return join(creators.stream().filter(c -> c.role().equals("aut")).map(Creator::name).toList());
    }

    /** One line per non-author: "Edited and annotated by X". */
    public static List<String> others(List<Creator> creators) {
        Map<String, List<String>> rolesByName = new LinkedHashMap<>();
        for (Creator c : creators) {
            if (!c.role().equals("aut")) {
                rolesByName.computeIfAbsent(c.name(), k -> new ArrayList<>())
                        .add(VERBS.getOrDefault(c.role(), "with contributions"));
            }
        }
        List<String> lines = new ArrayList<>();
        rolesByName.forEach((name, verbs) -> {
            String phrase = join(verbs.stream().distinct().toList());
            lines.add(Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1) + " by " + name);
        });
        return lines;
    }

    static String join(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
