package org.bookbinder.annotate.citations;

import org.bookbinder.annotate.Nodes;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.LinkInfo;
import org.commonmark.parser.beta.LinkProcessor;
import org.commonmark.parser.beta.LinkResult;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pandoc's citation syntax as a commonmark extension: {@code [@key]}, {@code [@key, p. 84]},
 * {@code [see @a, pp. 3-5; @b, chap. 2]}, {@code [-@key]} (author suppressed) and in-text {@code @key} ("As
 * {@code @nimmo1988} shows"; {@code @key [p. 84]} with a locator). Three hooks:
 * <ul>
 *   <li>an inline parser for {@code @key}, which makes a one-cite in-text {@link Citation}. The {@code @} must not
 *       follow a letter, digit or one of {@code /:.@_%+=&#\~} (so {@code a@b.com} and {@code http://x/@y} are
 *       text), and a key starts with a letter, digit or {@code _} and may hold the punctuation {@code :.#$%&-+?<>~/}
 *       between its letters; {@code @{…}} takes anything up to the brace. {@code \@} is a literal at sign;</li>
 *   <li>a link processor that wraps a bracket whose text is one or more cites separated by {@code ;} — each
 *       containing one key — into a bracketed {@link Citation};</li>
 *   <li>a post-processor that turns a bracketed citation's inlines into {@link Cite}s with their prefixes and
 *       suffixes, takes the locator of an in-text {@code @key [p. 84]}, and puts back as text any {@code @key}
 *       inside a link.</li>
 * </ul>
 * Keys are resolved, and locators read, in the annotate stage ({@link Citations}).
 */
public final class CitationSyntax implements Parser.ParserExtension {
    /** The characters a key may hold between its letters and digits (pandoc's "internal punctuation"). */
    private static final String INTERNAL = ":.#$%&-+?<>~/";
    private static final String NOT_BEFORE = "/:.@_%+=&#\\~";
    /** A key in a bracket's text, as the inline parser would find it. */
    private static final Pattern KEY = Pattern.compile("(?<![\\p{L}\\p{N}/:.@_%+=&#\\\\~])@(?:\\{[^}\\n]+\\}|[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_]|[:.#$%&\\-+?<>~/](?=[\\p{L}\\p{N}_]))*)");
    private static final Pattern LOCATOR_AFTER = Pattern.compile("^ \\[([^\\[\\]@]*)\\]");

    private CitationSyntax() {
    }

    public static CitationSyntax create() {
        return new CitationSyntax();
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineContentParserFactory(new InTextFactory());
        builder.linkProcessor(new BracketProcessor());
        builder.postProcessor(new Structure());
    }

    /** {@code @key} → an in-text citation of one cite. */
    private static final class InTextFactory implements InlineContentParserFactory {
        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('@');
        }

        @Override
        public InlineContentParser create() {
            return CitationSyntax::inText;
        }
    }

    private static ParsedInline inText(InlineParserState state) {
        Scanner scanner = state.scanner();
        int before = scanner.peekPreviousCodePoint();
        if (Character.isLetterOrDigit(before) || NOT_BEFORE.indexOf(before) >= 0) {
            return ParsedInline.none();
        }
        Position start = scanner.position();
        scanner.next();
        String key;
        if (scanner.peek() == '{') {
            scanner.next();
            Position keyStart = scanner.position();
            while (scanner.hasNext() && scanner.peek() != '}' && scanner.peek() != '\n') {
                scanner.next();
            }
            if (scanner.peek() != '}') {
                return ParsedInline.none();
            }
            key = scanner.getSource(keyStart, scanner.position()).getContent().strip();
            scanner.next();
            if (key.isEmpty()) {
                return ParsedInline.none();
            }
        } else {
            StringBuilder k = new StringBuilder();
            int c = scanner.peekCodePoint();
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return ParsedInline.none();
            }
            while (true) {
                c = scanner.peekCodePoint();
                if (Character.isLetterOrDigit(c) || c == '_') {
                    k.appendCodePoint(c);
                    scanner.next();
                } else if (c >= 0 && c < 128 && INTERNAL.indexOf(c) >= 0) {
                    Position punct = scanner.position();
                    scanner.next();
                    int after = scanner.peekCodePoint();
                    if (Character.isLetterOrDigit(after) || after == '_') {
                        k.appendCodePoint(c);
                    } else {
                        scanner.setPosition(punct);
                        break;
                    }
                } else {
                    break;
                }
            }
            key = k.toString();
        }
        String source = scanner.getSource(start, scanner.position()).getContent();
        Citation citation = new Citation(true);
        citation.appendChild(new Cite(key, source));
        return ParsedInline.of(citation, scanner.position());
    }

    /** {@code [cite; cite]} → a bracketed citation, when every part holds exactly one key. */
    private static final class BracketProcessor implements LinkProcessor {
        @Override
        public LinkResult process(LinkInfo info, Scanner scanner, InlineParserContext context) {
            if (info.destination() != null || info.label() != null || info.marker() != null || !isCitation(info.text())) {
                return LinkResult.none();
            }
            scanner.setPosition(info.afterTextBracket());
            if (scanner.peek() == '{') {
                return LinkResult.none();                  // [text @key]{lang=…} is a span
            }
            return LinkResult.wrapTextIn(new Citation(false), info.afterTextBracket());
        }
    }

    /** Whether a bracket's text is a list of cites: split at {@code ;}, each part has exactly one key. */
    static boolean isCitation(String text) {
        if (text.indexOf('@') < 0) {
            return false;
        }
        for (String part : text.split(";", -1)) {
            Matcher m = KEY.matcher(part);
            int keys = 0;
            while (m.find()) {
                keys++;
            }
            if (keys != 1) {
                return false;
            }
        }
        return true;
    }

    /** Gives bracketed citations their cites, in-text ones their locators; undoes citations inside links. */
    private static final class Structure implements PostProcessor {
        @Override
        public Node process(Node document) {
            List<Citation> bracketed = new ArrayList<>();
            List<Citation> inText = new ArrayList<>();
            List<Citation> inLinks = new ArrayList<>();
            document.accept(new AbstractVisitor() {
                private int links;

                @Override
                public void visit(Link link) {
                    links++;
                    visitChildren(link);
                    links--;
                }

                @Override
                public void visit(Image image) {
                    links++;
                    visitChildren(image);
                    links--;
                }

                @Override
                public void visit(CustomNode node) {
                    if (node instanceof Citation c) {
                        (links > 0 ? inLinks : c.inText() ? inText : bracketed).add(c);
                    }
                    visitChildren(node);
                }
            });
            for (Citation c : inLinks) {
                if (c.inText()) {
                    Text t = new Text(((Cite) c.getFirstChild()).source());
                    t.setSourceSpans(c.getSourceSpans());
                    c.insertBefore(t);
                    c.unlink();
                }
            }
            for (Citation c : bracketed) {
                if (!structure(c)) {
                    unwrap(c);
                }
            }
            for (Citation c : inText) {
                if (c.getParent() != null && !(c.getParent() instanceof CiteAffix)) {
                    takeLocator(c);
                }
            }
            return document;
        }
    }

    /**
     * Splits the citation's inlines at each {@code ;} into cites; each part must hold one in-text citation at its
     * top level, which gives the cite's key. Returns false (and changes nothing) when the inlines do not fit.
     */
    private static boolean structure(Citation citation) {
        List<List<Node>> parts = new ArrayList<>();
        List<Node> part = new ArrayList<>();
        parts.add(part);
        for (Node n = citation.getFirstChild(); n != null; ) {
            Node next = n.getNext();
            if (n instanceof Text t && t.getLiteral().indexOf(';') >= 0) {
                String[] pieces = t.getLiteral().split(";", -1);
                for (int i = 0; i < pieces.length; i++) {
                    if (i > 0) {
                        part = new ArrayList<>();
                        parts.add(part);
                    }
                    if (!pieces[i].isEmpty()) {
                        Text piece = new Text(pieces[i]);
                        piece.setSourceSpans(t.getSourceSpans());
                        part.add(piece);
                    }
                }
            } else {
                part.add(n);
            }
            n = next;
        }
        List<Cite> cites = new ArrayList<>();
        List<List<Node>> prefixes = new ArrayList<>();
        List<List<Node>> suffixes = new ArrayList<>();
        for (List<Node> p : parts) {
            int at = -1;
            for (int i = 0; i < p.size(); i++) {
                if (p.get(i) instanceof Citation c && c.inText()) {
                    if (at >= 0) {
                        return false;
                    }
                    at = i;
                }
            }
            if (at < 0) {
                return false;
            }
            Citation key = (Citation) p.get(at);
            Cite cite = (Cite) key.getFirstChild();
            cite.setSourceSpans(key.getSourceSpans());
            cites.add(cite);
            prefixes.add(p.subList(0, at));
            suffixes.add(p.subList(at + 1, p.size()));
        }
        // It fits: rebuild the citation from its cites.
        for (Node n = citation.getFirstChild(); n != null; ) {
            Node next = n.getNext();
            n.unlink();
            n = next;
        }
        for (int i = 0; i < cites.size(); i++) {
            Cite cite = cites.get(i);
            cite.unlink();
            List<Node> prefix = new ArrayList<>(prefixes.get(i));
            if (!prefix.isEmpty() && prefix.get(prefix.size() - 1) instanceof Text last && last.getLiteral().endsWith("-")) {
                cite.suppressAuthor = true;
                last.setLiteral(last.getLiteral().substring(0, last.getLiteral().length() - 1));
            }
            trimEnd(prefix);
            trimStart(prefix);
            if (!prefix.isEmpty()) {
                CiteAffix affix = new CiteAffix(CiteAffix.Kind.PREFIX);
                prefix.forEach(affix::appendChild);
                cite.appendChild(affix);
            }
            List<Node> suffix = new ArrayList<>(suffixes.get(i));
            trimEnd(suffix);
            if (!suffix.isEmpty()) {
                CiteAffix affix = new CiteAffix(CiteAffix.Kind.SUFFIX);
                suffix.forEach(affix::appendChild);
                cite.appendChild(affix);
            }
            citation.appendChild(cite);
        }
        return true;
    }

    /** A bracket that is no citation after all: its inlines go back between literal brackets. */
    private static void unwrap(Citation citation) {
        List<SourceSpan> spans = citation.getSourceSpans();
        Text open = new Text("[");
        Text close = new Text("]");
        if (!spans.isEmpty()) {
            SourceSpan first = spans.get(0);
            SourceSpan last = spans.get(spans.size() - 1);
            open.setSourceSpans(List.of(SourceSpan.of(first.getLineIndex(), first.getColumnIndex(), first.getInputIndex(), 1)));
            close.setSourceSpans(List.of(SourceSpan.of(last.getLineIndex(), last.getColumnIndex() + last.getLength() - 1,
                    last.getInputIndex() + last.getLength() - 1, 1)));
        }
        citation.insertBefore(open);
        citation.insertAfter(close);
        Nodes.unwrap(citation);
    }

    /** {@code @key [p. 84]}: the bracket after an in-text citation is its suffix. */
    private static void takeLocator(Citation citation) {
        if (citation.getNext() instanceof Text t) {
            Matcher m = LOCATOR_AFTER.matcher(t.getLiteral());
            if (m.find()) {
                Cite cite = (Cite) citation.getFirstChild();
                CiteAffix affix = new CiteAffix(CiteAffix.Kind.SUFFIX);
                affix.appendChild(new Text(", " + m.group(1)));
                cite.appendChild(affix);
                String rest = t.getLiteral().substring(m.end());
                if (rest.isEmpty()) {
                    t.unlink();
                } else {
                    t.setLiteral(rest);
                }
            }
        }
    }

    private static void trimEnd(List<Node> nodes) {
        while (!nodes.isEmpty() && nodes.get(nodes.size() - 1) instanceof Text t) {
            String s = t.getLiteral().stripTrailing();
            if (!s.isEmpty()) {
                t.setLiteral(s);
                return;
            }
            nodes.remove(nodes.size() - 1);
        }
    }

    private static void trimStart(List<Node> nodes) {
        while (!nodes.isEmpty() && nodes.get(0) instanceof Text t) {
            String s = t.getLiteral().stripLeading();
            if (!s.isEmpty()) {
                t.setLiteral(s);
                return;
            }
            nodes.remove(0);
        }
    }
}
