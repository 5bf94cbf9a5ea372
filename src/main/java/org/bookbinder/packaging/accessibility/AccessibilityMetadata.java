package org.bookbinder.packaging.accessibility;

import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.diagnostics.DidYouMean;
import org.bookbinder.load.BookConfig;
import org.bookbinder.load.BookConfig.Accessibility;
import org.bookbinder.load.BookConfig.Position;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The package's accessibility metadata (EPUB Accessibility 1.1): schema.org access modes, features, hazards and
 * summary, and the conformance claim. {@link #derive} works each value out from the {@link ContentFacts}; a value
 * given under book.yaml's {@code accessibility:} replaces it, with an A11Y-003 warning where it contradicts the
 * content.
 *
 * @param accessModesSufficient each item a comma-separated set, as the OPF writes it ({@code textual,visual})
 * @param conformsTo            the claim, empty for none
 * @param certifiedBy           who makes the claim, empty when nobody can be named
 */
public record AccessibilityMetadata(List<String> accessModes, List<String> accessModesSufficient, List<String> features,
                                    List<String> hazards, String summary, Optional<String> conformsTo,
                                    Optional<String> certifiedBy) {
    /** The conformance claim a book meets when Ace finds nothing and every image is described. */
    public static final String CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA";

    static final List<String> ACCESS_MODES = List.of("auditory", "chartOnVisual", "chemOnVisual", "colorDependent",
            "diagramOnTactile", "diagramOnVisual", "mathOnVisual", "musicOnVisual", "tactile", "textOnVisual",
            "textual", "visual");
    static final List<String> FEATURES = List.of("alternativeText", "annotations", "ARIA", "audioDescription",
            "bookmarks", "braille", "captions", "ChemML", "describedMath", "displayTransformability",
            "fullRubyAnnotations", "highContrastAudio", "highContrastDisplay", "horizontalWriting", "index",
            "largePrint", "latex", "longDescription", "MathML", "none", "openCaptions", "pageBreakMarkers",
            "pageNavigation", "printPageNumbers", "readingOrder", "rubyAnnotations", "signLanguage",
            "structuralNavigation", "synchronizedAudioText", "tableOfContents", "taggedPDF", "tactileGraphic",
            "tactileObject", "timingControl", "transcript", "ttsMarkup", "unlocked", "verticalWriting",
            "withAdditionalWordSegmentation", "withoutAdditionalWordSegmentation");
    static final List<String> HAZARDS = List.of("flashing", "motionSimulation", "none", "noFlashingHazard",
            "noMotionSimulationHazard", "noSoundHazard", "sound", "unknown", "unknownFlashingHazard",
            "unknownMotionSimulationHazard", "unknownSoundHazard");

    public AccessibilityMetadata {
        accessModes = List.copyOf(accessModes);
        accessModesSufficient = List.copyOf(accessModesSufficient);
        features = List.copyOf(features);
        hazards = List.copyOf(hazards);
    }

    /** Derives every value from the content, then applies and checks book.yaml's overrides. */
    public static AccessibilityMetadata derive(BookConfig config, ContentFacts facts, Diagnostics diagnostics) {
        Accessibility given = config.accessibility();
        List<String> modes = given.accessModes().map(v -> checked(v, ACCESS_MODES, "access-mode", given, diagnostics))
                .orElseGet(() -> accessModes(facts));
        given.accessModes().ifPresent(v -> contradictions(modes, facts, given, diagnostics));
        List<String> sufficient = given.accessModesSufficient().map(v -> sufficient(v, facts, given, diagnostics))
                .orElseGet(() -> sufficient(facts));
        List<String> features = given.features().map(v -> checked(v, FEATURES, "features", given, diagnostics))
                .orElseGet(() -> features(facts));
        given.features().ifPresent(v -> featureContradictions(v, facts, given, diagnostics));
        List<String> hazards = given.hazards().map(v -> checked(v, HAZARDS, "hazards", given, diagnostics))
                .orElse(List.of("none"));
        if (hazards.contains("none") && hazards.size() > 1) {
            warn(given, "hazards", "hazards lists 'none' together with other hazards", diagnostics);
        }
        Optional<String> conformsTo = given.conformsTo().map(String::strip)
                .filter(v -> !v.equalsIgnoreCase("none")).or(() -> given.conformsTo().isPresent() ? Optional.empty() : Optional.of(CONFORMANCE));
        if (conformsTo.isPresent() && !facts.everyImageDescribed()) {
            warn(given, "conforms-to", "the book claims '" + conformsTo.get() + "', but "
                    + (facts.informativeImages() - facts.imagesWithAlt()) + " image(s) have no text alternative", diagnostics);
        }
        Optional<String> certifiedBy = given.certifiedBy().or(config::publisher)
                .or(() -> config.creators().stream().findFirst().map(c -> c.name()));
        String summary = given.summary().orElseGet(() -> Summary.of(facts, features, hazards, conformsTo));
        return new AccessibilityMetadata(modes, sufficient, features, hazards, summary,
                conformsTo.isPresent() ? conformsTo : Optional.empty(), conformsTo.isPresent() ? certifiedBy : Optional.empty());
    }

    static List<String> accessModes(ContentFacts facts) {
        List<String> modes = new ArrayList<>(List.of("textual"));
        if (facts.informativeImages() > 0 || facts.video()) {
            modes.add("visual");
        }
        if (facts.audio() || facts.video()) {
            modes.add(0, "auditory");
        }
        return modes;
    }

    static List<String> sufficient(ContentFacts facts) {
        List<String> all = accessModes(facts);
        if (all.size() == 1) {
            return List.of("textual");
        }
        boolean textAlone = facts.everyImageDescribed() && !facts.audio() && !facts.video();
        return textAlone ? List.of("textual", String.join(",", all)) : List.of(String.join(",", all));
    }

    /** What the content offers, in schema.org's terms; nothing is claimed that the documents do not show. */
    static List<String> features(ContentFacts facts) {
        List<String> f = new ArrayList<>();
        if (facts.headings() > 0) {
            f.add("structuralNavigation");
        }
        if (facts.tocEntries() > 0) {
            f.add("tableOfContents");
        }
        f.add("readingOrder");
        if (facts.informativeImages() > 0 && facts.everyImageDescribed()) {
            f.add("alternativeText");
        }
        if (facts.pageList() && facts.pageBreaks() > 0) {
            f.add("pageBreakMarkers");
            f.add("pageNavigation");
        }
        if (facts.math()) {
            f.add("MathML");
        }
        if (facts.has("index")) {
            f.add("index");
        }
        if (facts.notes() > 0) {
            f.add("annotations");
        }
        if (facts.ariaRoles() > 0) {
            f.add("ARIA");
        }
        return f;
    }

    private static List<String> sufficient(List<String> given, ContentFacts facts, Accessibility a, Diagnostics diagnostics) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            List<String> set = Arrays.stream(given.get(i).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            for (String mode : set) {
                if (!ACCESS_MODES.contains(mode)) {
                    error(a, "access-mode-sufficient[" + i + "]", "unknown access mode '" + mode + "'" + DidYouMean.hint(mode, ACCESS_MODES), diagnostics);
                }
            }
            if (set.equals(List.of("textual")) && !facts.everyImageDescribed()) {
                warn(a, "access-mode-sufficient[" + i + "]", "text alone is not sufficient: "
                        + (facts.informativeImages() - facts.imagesWithAlt()) + " image(s) have no text alternative", diagnostics);
            }
            out.add(String.join(",", set));
        }
        return out;
    }

    private static void contradictions(List<String> modes, ContentFacts facts, Accessibility a, Diagnostics diagnostics) {
        if (!modes.contains("textual")) {
            warn(a, "access-mode", "access-mode leaves out 'textual', but the book is text", diagnostics);
        }
        if (modes.contains("visual") && facts.informativeImages() == 0 && !facts.video()) {
            warn(a, "access-mode", "access-mode lists 'visual', but the book has no images", diagnostics);
        }
        if (!modes.contains("visual") && facts.informativeImages() > 0) {
            warn(a, "access-mode", "access-mode leaves out 'visual', but the book has " + facts.informativeImages() + " image(s)", diagnostics);
        }
    }

    private static void featureContradictions(List<String> given, ContentFacts facts, Accessibility a, Diagnostics diagnostics) {
        Map<String, String> disproved = new LinkedHashMap<>();
        if (facts.informativeImages() == 0) {
            disproved.put("alternativeText", "the book has no images");
        } else if (!facts.everyImageDescribed()) {
            disproved.put("alternativeText", (facts.informativeImages() - facts.imagesWithAlt()) + " image(s) have no alt text");
        }
        String noPages = "the book has no page list (nav page-list and pagebreak markers)";
        if (!facts.pageList() || facts.pageBreaks() == 0) {
            disproved.put("pageBreakMarkers", noPages);
            disproved.put("pageNavigation", noPages);
            disproved.put("printPageNumbers", noPages);
        }
        if (!facts.math()) {
            disproved.put("MathML", "the book has no MathML");
        }
        if (!facts.has("index")) {
            disproved.put("index", "the book has no index");
        }
        if (facts.tocEntries() == 0) {
            disproved.put("tableOfContents", "the book has no table of contents");
        }
        if (facts.headings() == 0) {
            disproved.put("structuralNavigation", "the book has no headings");
        }
        if (facts.notes() == 0) {
            disproved.put("annotations", "the book has no notes");
        }
        if (facts.ariaRoles() == 0) {
            disproved.put("ARIA", "the book uses no ARIA roles");
        }
        for (int i = 0; i < given.size(); i++) {
            String reason = disproved.get(given.get(i));
            if (reason != null) {
                warn(a, "features[" + i + "]", "feature '" + given.get(i) + "' is claimed, but " + reason, diagnostics);
            }
        }
    }

    private static List<String> checked(List<String> values, List<String> vocabulary, String key, Accessibility a, Diagnostics diagnostics) {
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (!vocabulary.contains(v)) {
                Optional<String> caseFix = vocabulary.stream().filter(t -> t.toLowerCase(Locale.ROOT).equals(v.toLowerCase(Locale.ROOT))).findFirst();
                error(a, key + "[" + i + "]", "'" + v + "' is not a schema.org " + key + " value"
                        + caseFix.map(t -> " (did you mean '" + t + "'?)").orElseGet(() -> DidYouMean.hint(v, vocabulary)), diagnostics);
            }
        }
        return values.stream().distinct().collect(Collectors.toList());
    }

    private static void warn(Accessibility a, String key, String message, Diagnostics diagnostics) {
        Position at = a.position(key).equals(Position.UNKNOWN) ? a.position(key.replaceFirst("\\[\\d+]$", "")) : a.position(key);
        diagnostics.report(Code.A11Y_003, "book.yaml", at.line(), at.column(), message);
    }

    private static void error(Accessibility a, String key, String message, Diagnostics diagnostics) {
        Position at = a.position(key).equals(Position.UNKNOWN) ? a.position(key.replaceFirst("\\[\\d+]$", "")) : a.position(key);
        diagnostics.error(Code.BOOK_005, "book.yaml", at.line(), at.column(), message);
    }
}
