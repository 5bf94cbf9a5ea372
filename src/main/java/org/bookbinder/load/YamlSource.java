package org.bookbinder.load;

import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.diagnostics.DidYouMean;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML file read as a node tree, so that every value keeps its line and column, with typed accessors that
 * report a diagnostic (and return empty) when a value has the wrong shape. Used for book.yaml and glossary.yaml.
 */
public final class YamlSource {
    private final String file;
    private final Diagnostics diagnostics;
    private final Code syntaxCode;
    private final Code valueCode;

    private YamlSource(String file, Diagnostics diagnostics, Code syntaxCode, Code valueCode) {
        this.file = file;
        this.diagnostics = diagnostics;
        this.syntaxCode = syntaxCode;
        this.valueCode = valueCode;
    }

    /**
     * Parses {@code text}; on a syntax error reports {@code syntaxCode} at the problem's line and returns empty.
     * An empty document is returned as empty without a diagnostic.
     */
    public static Optional<Root> parse(String file, String text, Diagnostics diagnostics, Code syntaxCode, Code valueCode) {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(false).build();
        try {
            Optional<Node> node = new Compose(settings).composeString(text);
            return node.map(n -> new Root(new YamlSource(file, diagnostics, syntaxCode, valueCode), n));
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null && !e.getContext().isBlank()) {
                problem = e.getContext() + ": " + problem;
            }
            diagnostics.error(syntaxCode, file, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, "YAML syntax error: " + oneLine(problem));
            return Optional.empty();
        } catch (YamlEngineException e) {
            diagnostics.error(syntaxCode, file, 0, 0, "YAML error: " + oneLine(e.getMessage()));
            return Optional.empty();
        }
    }

    private static String oneLine(String s) {
        return s == null ? "unreadable YAML" : s.replaceAll("\\s+", " ").trim();
    }

    /** The parsed document and the source it came from. */
    public record Root(YamlSource source, Node node) {
    }

    public String file() {
        return file;
    }

    public static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    public static int column(Node node) {
        return node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    }

    public void error(Node at, String message) {
        diagnostics.error(valueCode, file, line(at), column(at), message);
    }

    public void error(Code code, Node at, String message) {
        diagnostics.error(code, file, line(at), column(at), message);
    }

    public void warning(Code code, Node at, String message) {
        diagnostics.warning(code, file, line(at), column(at), message);
    }

    /**
     * The entries of a mapping, keyed by their (scalar) key; reports unknown keys with {@code unknownKeyCode}
     * and a "did you mean".
     */
    public Optional<Map<String, Entry>> mapping(Node node, String what, Collection<String> knownKeys, Code unknownKeyCode) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, what + " must be a mapping of keys to values");
            return Optional.empty();
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                error(keyNode, "a key in " + what + " must be a plain word");
                continue;
            }
            String key = scalarKey.getValue();
            if (entries.containsKey(key)) {
                // YAML forbids duplicate keys; snakeyaml-engine's Compose does not check, so we do
                error(syntaxCode, keyNode, "duplicate key '" + key + "' in " + what + " (first on line "
                        + line(entries.get(key).keyNode()) + ")");
                continue;
            }
            if (!knownKeys.contains(key)) {
                error(unknownKeyCode, keyNode, "unknown key '" + key + "' in " + what + DidYouMean.hint(key, knownKeys));
                continue;
            }
            entries.put(key, new Entry(key, keyNode, tuple.getValueNode()));
        }
        return Optional.of(entries);
    }

    /** A key and its value in a mapping. */
    public record Entry(String key, Node keyNode, Node value) {
    }

    /** A scalar as text; a null or empty scalar is reported and returned as empty. */
    public Optional<String> string(Entry entry) {
        if (entry.value() instanceof ScalarNode scalar) {
            String value = scalar.getValue().strip();
            if (value.isEmpty() || ("null".equals(value) && scalar.isPlain()) || "~".equals(value)) {
                error(entry.value(), "'" + entry.key() + "' must not be empty");
                return Optional.empty();
            }
            return Optional.of(value);
        }
        error(entry.value(), "'" + entry.key() + "' must be a single value, not a list or mapping");
        return Optional.empty();
    }

    public Optional<Boolean> bool(Entry entry) {
        return string(entry).flatMap(s -> switch (s) {
            case "true", "yes" -> Optional.of(true);
            case "false", "no" -> Optional.of(false);
            default -> {
                error(entry.value(), "'" + entry.key() + "' must be true or false, not '" + s + "'");
                yield Optional.empty();
            }
        });
    }

    /** A list of nodes; a single scalar counts as a list of one when {@code allowSingle}. */
    public Optional<List<Node>> list(Entry entry, boolean allowSingle) {
        if (entry.value() instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue());
        }
        if (allowSingle && entry.value() instanceof ScalarNode) {
            return Optional.of(List.of(entry.value()));
        }
        error(entry.value(), "'" + entry.key() + "' must be a list");
        return Optional.empty();
    }

    /** A list of non-empty strings; a single string counts as a list of one. */
    public Optional<List<String>> strings(Entry entry) {
        return strings(entry, true);
    }

    /** A list of non-empty strings; a single string counts as a list of one when {@code allowSingle}. */
    public Optional<List<String>> strings(Entry entry, boolean allowSingle) {
        return list(entry, allowSingle).flatMap(nodes -> {
            List<String> out = new ArrayList<>();
            boolean ok = true;
            for (Node n : nodes) {
                if (n instanceof ScalarNode s && !s.getValue().isBlank()) {
                    out.add(s.getValue().strip());
                } else {
                    error(n, "each item of '" + entry.key() + "' must be a non-empty text");
                    ok = false;
                }
            }
            return ok ? Optional.of(List.copyOf(out)) : Optional.empty();
        });
    }
}
