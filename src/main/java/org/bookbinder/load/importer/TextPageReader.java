package org.bookbinder.load.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a page saved as plain text (a browser's "Save as text", or a scrape): paragraphs are separated by blank
 * lines; a heading is a short line standing alone, without sentence punctuation at its end; the first line is
 * the title. Navigation debris — lines made only of bracketed links ({@code [Return to …] [About Us]}),
 * "Navigate the …" lines, banners — is dropped, and the page's "Created:"/"Last updated:" lines are kept aside.
 */
final class TextPageReader {
    private static final Pattern LINK_LINE = Pattern.compile("^(\\s*\\[[^\\]]+\\])+\\s*$");
    private static final Pattern NAVIGATE = Pattern.compile("^(navigate|return to|back to|skip to|home\\b|menu\\b).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATED = Pattern.compile("^\\s*created\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATED = Pattern.compile("^\\s*(?:last\\s+)?(?:updated|modified)\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    /** A banner: a short line of words joined by a double dash or pipes, e.g. "CIH -- WW II". */
    private static final Pattern BANNER = Pattern.compile("^[\\p{L}\\p{N} .&]{1,30}(\\s+(--|\\||»|::)\\s+[\\p{L}\\p{N} .&]{1,30})+$");
    static final Pattern SOURCES_HEADING = Pattern.compile("^(sources|bibliography|references|works cited|further reading)$", Pattern.CASE_INSENSITIVE);

    private TextPageReader() {
    }

    static SourcePage read(String text) {
        List<String> paragraphs = paragraphs(Normalise.text(text));
        List<String> dropped = new ArrayList<>();
        Optional<String> created = Optional.empty();
        Optional<String> updated = Optional.empty();
        List<String> kept = new ArrayList<>();
        for (String p : paragraphs) {
            List<String> lines = new ArrayList<>();
            for (String line : p.split("\n")) {
                Matcher c = CREATED.matcher(line);
                Matcher u = UPDATED.matcher(line);
                if (c.matches()) {
                    created = Optional.of(c.group(1).strip());
                    dropped.add(line);
                } else if (u.matches()) {
                    updated = Optional.of(u.group(1).strip());
                    dropped.add(line);
                } else if (isDebris(line)) {
                    dropped.add(line);
                } else {
                    lines.add(line);
                }
            }
            if (!lines.isEmpty()) {
                kept.add(String.join("\n", lines));
            }
        }
        if (kept.isEmpty()) {
            return new SourcePage("Untitled", List.of(), List.of(), created, updated, dropped);
        }
        String title = kept.get(0).replace('\n', ' ').strip();
        List<SourcePage.Section> sections = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        String heading = "";
        List<String> blocks = new ArrayList<>();
        boolean inSources = false;
        for (int i = 1; i < kept.size(); i++) {
            String p = kept.get(i);
            if (isHeading(p)) {
                if (!inSources) {
                    if (!heading.isEmpty() || !blocks.isEmpty()) {
                        sections.add(new SourcePage.Section(heading, blocks));
                    }
                }
                heading = p.strip();
                blocks = new ArrayList<>();
                inSources = SOURCES_HEADING.matcher(heading).matches();
            } else if (inSources) {
                if (looksLikeReference(p)) {
                    sources.add(p.replace('\n', ' ').strip());
                } else {
                    dropped.add(p);
                }
            } else {
                blocks.add(p.replace('\n', ' ').strip());
            }
        }
        if (!inSources && (!heading.isEmpty() || !blocks.isEmpty())) {
            sections.add(new SourcePage.Section(heading, blocks));
        }
        return new SourcePage(title, sections, sources, created, updated, dropped);
    }

    /** Blank-line separated paragraphs, each with its lines trimmed. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty()) {
                if (current.length() > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                }
            } else {
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(t);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    static boolean isDebris(String p) {
        String s = p.strip();
        if (s.contains("\n")) {
            return s.lines().allMatch(TextPageReader::isDebris);
        }
        return LINK_LINE.matcher(s).matches() || (NAVIGATE.matcher(s).matches() && s.length() < 80 && !s.endsWith("."))
                || BANNER.matcher(s).matches();
    }

    /** A heading: one short line, no sentence-final punctuation, starting with a capital. */
    static boolean isHeading(String p) {
        String s = p.strip();
        return !s.contains("\n") && s.length() <= 70 && !s.isEmpty() && Character.isUpperCase(s.codePointAt(0))
                && !s.matches(".*[.,;:!?\"”’]$") && s.split("\\s+").length <= 10;
    }

    /** "Surname, Given. Title …" or at least "Surname, Given." */
    static boolean looksLikeReference(String p) {
        return p.strip().matches("(?s)^[\\p{Lu}][\\p{L}'’-]+,\\s*\\p{L}.*");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
