package org.bookbinder.annotate.citations;

import org.commonmark.node.CustomNode;

/**
 * One cited work in a {@link Citation}: its key and, as children, its prefix and suffix ({@link CiteAffix}, Markdown
 * inlines as written, e.g. "see" and ", emphasis added"). The annotate stage adds the locator and the formatted
 * text.
 */
public final class Cite extends CustomNode {
    private final String key;
    private final String source;
    boolean suppressAuthor;
    Locator locator;
    /** The formatted cite, XHTML: the text of its link to the bibliography. */
    String xhtml = "";
    /** XHTML after the link and before the suffix: " (1988" in "Nimmo (1988)". */
    String tail = "";
    /** The link's target, or null when the book has no bibliography page. */
    String href;
    /** What follows this cite before the next, as text: "; ". */
    String delimiter = "";

    /** @param source the key as written, {@code @key} or {@code @{key}}, to put back where it is no citation */
    public Cite(String key, String source) {
        this.key = key;
        this.source = source;
    }

    public String key() {
        return key;
    }

    public String source() {
        return source;
    }

    public boolean suppressAuthor() {
        return suppressAuthor;
    }

    public String xhtml() {
        return xhtml;
    }

    public String tail() {
        return tail;
    }

    public String href() {
        return href;
    }

    public String delimiter() {
        return delimiter;
    }

    CiteAffix prefix() {
        return affix(CiteAffix.Kind.PREFIX);
    }

    CiteAffix suffix() {
        return affix(CiteAffix.Kind.SUFFIX);
    }

    private CiteAffix affix(CiteAffix.Kind kind) {
        for (var n = getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof CiteAffix a && a.kind() == kind) {
                return a;
            }
        }
        return null;
    }
}
