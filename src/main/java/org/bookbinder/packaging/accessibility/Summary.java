package org.bookbinder.packaging.accessibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The generated {@code schema:accessibilitySummary}: what the book offers a reader, in plain English sentences. */
final class Summary {
    private Summary() {
    }

    static String of(ContentFacts facts, List<String> features, List<String> hazards,
                     Optional<String> conformsTo) {
        List<String> s = new ArrayList<>();
        if (facts.informativeImages() == 0) {
            s.add("This e-book is text only, with no images, so it can be read in full with a screen reader, as speech or in braille.");
        } else if (facts.everyImageDescribed()) {
            s.add(facts.informativeImages() == 1 ? "Its one image has a text alternative."
                    : "Each of its " + facts.informativeImages() + " images has a text alternative.");
        } else {
            s.add((facts.informativeImages() - facts.imagesWithAlt()) + " of its " + facts.informativeImages()
                    + " images lack a text alternative.");
        }
        List<String> navigation = new ArrayList<>();
        if (features.contains("tableOfContents")) {
            navigation.add("a table of contents");
        }
        if (facts.landmarks() > 0) {
            navigation.add("landmarks");
        }
        if (features.contains("pageNavigation")) {
            navigation.add("a list of the print edition's pages");
        }
        if (features.contains("structuralNavigation")) {
            navigation.add("a heading for every chapter and section");
        }
        if (!navigation.isEmpty()) {
            s.add("It has " + join(navigation) + ", and its reading order follows the text.");
        }
        if (facts.notes() > 0) {
            s.add("Its " + facts.notes() + (facts.notes() == 1 ? " note is" : " notes are")
                    + " linked to and from the place that refers to " + (facts.notes() == 1 ? "it." : "them."));
        }
        List<String> parts = new ArrayList<>();
        for (String type : ContentFacts.NAMED_SECTIONS) {
            if (facts.has(type)) {
                parts.add((type.equals("index") ? "an " : "a ") + type);
            }
        }
        if (!parts.isEmpty()) {
            String list = join(parts);
            s.add(Character.toUpperCase(list.charAt(0)) + list.substring(1) + (parts.size() == 1 ? " is" : " are") + " included.");
        }
        if (!facts.otherLanguages().isEmpty()) {
            List<String> names = facts.otherLanguages().stream()
                    .map(t -> Locale.forLanguageTag(t).getDisplayLanguage(Locale.ENGLISH))
                    .filter(n -> !n.isEmpty()).distinct().toList();
            s.add("Words and passages in " + (names.isEmpty() ? "other languages" : join(names))
                    + " are marked with their language, so reading software pronounces them correctly.");
        }
        if (hazards.equals(List.of("none"))) {
            s.add("It has no flashing, motion or sound hazards.");
        }
        conformsTo.ifPresent(c -> s.add("It is made to conform to " + c.replace(" - ", ", ") + "."));
        return String.join(" ", s);
    }

    private static String join(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
