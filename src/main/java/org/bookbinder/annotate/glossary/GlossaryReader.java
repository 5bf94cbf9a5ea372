package org.bookbinder.annotate.glossary;

import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.YamlMarkdown;
import org.bookbinder.load.YamlSource;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.InlineFootnote;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads glossary.yaml: a list of {@code {term, aliases?, definition}}, the definition in Markdown. Every problem is a
 * diagnostic at the line and column of the value: YAML errors (GLOSS-001), unknown keys with a "did you mean"
 * (GLOSS-002), a wrong shape or a definition with a heading, image or note (GLOSS-003), a missing or empty
 * definition (GLOSS-004), a term or alias that another
 * entry already has (GLOSS-005), an alias the entry's term or another alias already matches (GLOSS-009, a warning)
 * and no entries at all (GLOSS-007, a warning).
 */
public final class GlossaryReader {
    /** The keys of an entry. */
    static final List<String> KEYS = List.of("term", "aliases", "definition");
    /** How an id is made from a term (see {@link #uniqueId}), compiled once, not once an entry. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019]");
    private static final Pattern NOT_ID = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");

    private GlossaryReader() {
    }

    /**
     * The glossary in {@code text}, read from {@code file} (relative to the book directory); empty when it has no
     * entries or cannot be read. Entries with errors are reported and left out.
     */
    public static Optional<Glossary> read(String file, String text, Diagnostics diagnostics) {
        Optional<YamlSource.Root> root = YamlSource.parse(file, text, diagnostics, Code.GLOSS_001, Code.GLOSS_003);
        if (root.isEmpty()) {
            boolean syntaxError = diagnostics.list().stream()
                    .anyMatch(d -> d.file().equals(file) && d.code().equals(Code.GLOSS_001.id()));
            if (!syntaxError) {
                diagnostics.report(Code.GLOSS_007, file, 1, 1, "the glossary has no entries, so the book has no glossary page");
            }
            return Optional.empty();
        }
        YamlSource yaml = root.get().source();
        Node top = root.get().node();
        if (!(top instanceof SequenceNode list)) {
            yaml.error(Code.GLOSS_003, top, "the glossary must be a list of entries, each '- term: …' with a 'definition: …'");
            return Optional.empty();
        }
        if (list.getValue().isEmpty()) {
            yaml.warning(Code.GLOSS_007, top, "the glossary has no entries, so the book has no glossary page");
            return Optional.empty();
        }
        List<GlossaryEntry> entries = new ArrayList<>();
        Map<String, List<Claim>> claims = new HashMap<>();
        Set<String> ids = new HashSet<>();
        List<Node> items = list.getValue();
        String[] lines = YamlMarkdown.lines(text);
        for (int i = 0; i < items.size(); i++) {
            entry(yaml, lines, items.get(i), i, claims, ids).ifPresent(entries::add);
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(new Glossary(file, entries));
    }

    /** A form already taken by an entry (the {@code item}-th of the file): whose it is, where. */
    private record Claim(String form, int item, String term, boolean isTerm, int line) {
    }

    private static Optional<GlossaryEntry> entry(YamlSource yaml, String[] lines, Node item, int index, Map<String, List<Claim>> claims,
                                                 Set<String> ids) {
        Optional<Map<String, YamlSource.Entry>> mapping = yaml.mapping(item, "a glossary entry", KEYS, Code.GLOSS_002);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Map<String, YamlSource.Entry> m = mapping.get();
        YamlSource.Entry termEntry = m.get("term");
        if (termEntry == null) {
            yaml.error(Code.GLOSS_003, item, "a glossary entry needs a 'term'");
            return Optional.empty();
        }
        Optional<String> term = yaml.string(termEntry).map(TermText::collapse);
        List<String> aliases = Optional.ofNullable(m.get("aliases")).flatMap(yaml::strings).orElse(List.of())
                .stream().map(TermText::collapse).toList();
        Optional<String> definition = definition(yaml, m, item, term.orElse(null));
        if (term.isEmpty()) {
            return Optional.empty();
        }
        boolean unique = claim(yaml, claims, index, term.get(), term.get(), true, termEntry.value());
        List<String> ownForms = new ArrayList<>(List.of(term.get()));
        Set<String> keptAliases = new LinkedHashSet<>();
        List<Node> aliasNodes = aliasNodes(m.get("aliases"));
        for (int i = 0; i < aliases.size(); i++) {
            String alias = aliases.get(i);
            Node at = i < aliasNodes.size() ? aliasNodes.get(i) : termEntry.value();
            Optional<String> own = ownForms.stream().filter(f -> TermText.covers(f, alias)).findFirst();
            if (own.isPresent()) {      // a form the entry already matches: harmless, left out, but a slip
                boolean isTerm = own.get().equals(term.get());
                yaml.warning(Code.GLOSS_009, at, "the alias '" + alias + "' of '" + term.get() + "' is left out: "
                        + (TermText.normalise(own.get()).equals(TermText.normalise(alias))
                                ? (isTerm ? "it is the term itself" : "it is listed twice")
                                : (isTerm ? "the term" : "the alias '" + own.get() + "'")
                                        + ", in lower case, matches it in any case already"));
                continue;
            }
            unique &= claim(yaml, claims, index, alias, term.get(), false, at);
            ownForms.add(alias);
            keptAliases.add(alias);
        }
        if (definition.isEmpty() || !unique) {
            return Optional.empty();
        }
        Node definitionNode = m.get("definition").value();
        Document parsed = YamlMarkdown.parse(definition.get(), lines, YamlSource.line(definitionNode), YamlSource.column(definitionNode));
        Optional<String> unsupported = unsupported(parsed);
        if (unsupported.isPresent()) {
            yaml.error(Code.GLOSS_003, m.get("definition").value(), "the definition of '" + term.get() + "' has "
                    + unsupported.get() + ": a definition is text (paragraphs, lists, emphasis, links, spans)");
            return Optional.empty();
        }
        Node at = termEntry.value();
        return Optional.of(new GlossaryEntry(uniqueId(term.get(), ids), term.get(), List.copyOf(keptAliases),
                parsed, YamlSource.line(at), YamlSource.column(at)));
    }

    /** What a definition may not hold, the first one found: a heading, an image or a note. */
    private static Optional<String> unsupported(Document definition) {
        String[] found = {null};
        definition.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                found[0] = found[0] == null ? "a heading" : found[0];
            }

            @Override
            public void visit(Image image) {
                found[0] = found[0] == null ? "an image" : found[0];
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof InlineFootnote || node instanceof FootnoteReference) {
                    found[0] = found[0] == null ? "a note" : found[0];
                }
                visitChildren(node);
            }

            @Override
            public void visit(CustomBlock block) {
                if (block instanceof FootnoteDefinition) {
                    found[0] = found[0] == null ? "a note" : found[0];
                }
                visitChildren(block);
            }
        });
        return Optional.ofNullable(found[0]);
    }

    /**
     * Records {@code form} for the entry of {@code term}; reports GLOSS-005 when another entry already has a form that
     * matches the same text (the same form, or either of them lower case and so matched in any case).
     */
    private static boolean claim(YamlSource yaml, Map<String, List<Claim>> claims, int item, String form, String term,
                                 boolean isTerm, Node at) {
        List<Claim> same = claims.computeIfAbsent(TermText.fold(TermText.normalise(form)), k -> new ArrayList<>());
        for (Claim c : same) {
            if (c.item() != item && TermText.overlap(c.form(), form)) {
                String what = isTerm ? "the term '" + form + "'" : "the alias '" + form + "'";
                String other = c.isTerm() ? "the term of the entry on line " + c.line()
                        : "an alias of '" + c.term() + "' (line " + c.line() + ")";
                yaml.error(Code.GLOSS_005, at, what + " is defined twice: it is already " + other);
                return false;
            }
        }
        same.add(new Claim(form, item, term, isTerm, YamlSource.line(at)));
        return true;
    }

    private static List<Node> aliasNodes(YamlSource.Entry aliases) {
        if (aliases == null) {
            return List.of();
        }
        return aliases.value() instanceof SequenceNode s ? s.getValue() : List.of(aliases.value());
    }

    /** The definition's Markdown; a missing or empty one is GLOSS-004, one that is not text GLOSS-003. */
    private static Optional<String> definition(YamlSource yaml, Map<String, YamlSource.Entry> m, Node item, String term) {
        String of = term == null ? "" : " of '" + term + "'";
        YamlSource.Entry entry = m.get("definition");
        if (entry == null) {
            yaml.error(Code.GLOSS_004, item, "the entry" + of + " has no 'definition'");
            return Optional.empty();
        }
        if (!(entry.value() instanceof ScalarNode scalar)) {
            yaml.error(Code.GLOSS_003, entry.value(), "the definition" + of + " must be text (Markdown), not a list or mapping");
            return Optional.empty();
        }
        String value = scalar.getValue().strip();
        if (value.isEmpty() || (scalar.isPlain() && (value.equals("null") || value.equals("~")))) {
            yaml.error(Code.GLOSS_004, entry.value(), "the definition" + of + " is empty");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * An id from the term: ASCII letters, digits and hyphens ("Crimean Tatars" → {@code crimean-tatars}, accents
     * dropped), lower-cased in the root locale so it never depends on the machine, unique in the glossary.
     */
    static String uniqueId(String term, Set<String> taken) {
        String base = MARKS.matcher(Normalizer.normalize(term, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        base = APOSTROPHES.matcher(base).replaceAll("");
        base = NOT_ID.matcher(base).replaceAll("-");
        base = EDGE_HYPHENS.matcher(base).replaceAll("");
        if (base.isEmpty()) {
            base = "entry";
        }
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
