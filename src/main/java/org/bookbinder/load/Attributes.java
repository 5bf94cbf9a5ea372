package org.bookbinder.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An attribute block as pandoc writes it: {@code {#id .class key=value key="quoted value"}}. Used after
 * headings ({@code # Title {#intro}}) and after bracketed spans ({@code [Ostlegionen]{lang=de}}).
 */
public record Attributes(Optional<String> id, List<String> classes, Map<String, String> pairs) {

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:#([A-Za-z][\\w:.-]*)|\\.([A-Za-z_-][\\w-]*)|([A-Za-z_][\\w:-]*)=(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'}]+)))");

    public Attributes {
        classes = List.copyOf(classes);
        pairs = Map.copyOf(pairs);
    }

    /** Parses the inside of the braces; empty if it is not an attribute block. */
    public static Optional<Attributes> parse(String inside) {
        String id = null;
        List<String> classes = new ArrayList<>();
        Map<String, String> pairs = new LinkedHashMap<>();
        Matcher m = TOKEN.matcher(inside);
        int at = 0;
        while (at < inside.length() && m.find(at) && m.start() == at) {
            if (m.group(1) != null) {
                if (id != null) {
                    return Optional.empty();
                }
                id = m.group(1);
            } else if (m.group(2) != null) {
                classes.add(m.group(2));
            } else {
                String value = m.group(4) != null ? m.group(4) : m.group(5) != null ? m.group(5) : m.group(6);
                pairs.put(m.group(3), value);
            }
            at = m.end();
        }
        if (!inside.substring(at).isBlank() || (id == null && classes.isEmpty() && pairs.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Attributes(Optional.ofNullable(id), classes, pairs));
    }

    /** The attributes as HTML attributes, in a stable order: id, class, then the pairs sorted by name. */
    public Map<String, String> toHtml() {
        Map<String, String> html = new LinkedHashMap<>();
        id.ifPresent(v -> html.put("id", v));
        if (!classes.isEmpty()) {
            html.put("class", String.join(" ", classes));
        }
        pairs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> html.put(e.getKey(), e.getValue()));
        return html;
    }
}
