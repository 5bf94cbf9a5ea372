package org.bookbinder.annotate.sanitise;

import org.bookbinder.diagnostics.Code;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The allow-list: which elements and attributes of XHTML in EPUB 3 a chapter's raw HTML may have, and what becomes
 * of the others. Elements are kept, unwrapped (their content kept) or dropped with their content.
 */
final class HtmlPolicy {
    /** Phrasing content: the elements a paragraph may hold. */
    static final Set<String> PHRASING = Set.of("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn",
            "em", "i", "img", "ins", "kbd", "mark", "q", "ruby", "rp", "rt", "s", "samp", "small", "span", "strong", "sub",
            "sup", "time", "u", "var", "wbr");
    /** Flow content that is not phrasing: never inside a paragraph, a heading or an inline element. */
    static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "div", "dl", "dt", "dd", "figure",
            "figcaption", "footer", "header", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "ul", "p", "pre", "section",
            "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th");
    /** Elements whose content is phrasing only. */
    static final Set<String> PHRASING_ONLY = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "abbr", "b", "bdi", "bdo",
            "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "ruby", "rp", "rt", "s", "samp", "small", "span",
            "strong", "sub", "sup", "time", "u", "var");
    /** Elements whose content model is their parent's. */
    static final Set<String> TRANSPARENT = Set.of("a", "ins", "del");
    /** Elements that stand only in certain parents. */
    static final Map<String, Set<String>> PARENTS = Map.ofEntries(
            Map.entry("li", Set.of("ul", "ol")), Map.entry("dt", Set.of("dl", "div")), Map.entry("dd", Set.of("dl", "div")),
            Map.entry("tr", Set.of("table", "thead", "tbody", "tfoot")), Map.entry("td", Set.of("tr")), Map.entry("th", Set.of("tr")),
            Map.entry("thead", Set.of("table")), Map.entry("tbody", Set.of("table")), Map.entry("tfoot", Set.of("table")),
            Map.entry("caption", Set.of("table")), Map.entry("colgroup", Set.of("table")), Map.entry("col", Set.of("colgroup")),
            Map.entry("figcaption", Set.of("figure")), Map.entry("rt", Set.of("ruby")), Map.entry("rp", Set.of("ruby")));

    /** Elements whose end tag HTML allows to be left out: closed where HTML closes them, as the author may mean. */
    static final Set<String> OPTIONAL_END_TAG = Set.of("p", "li", "dt", "dd", "rt", "rp", "tr", "td", "th", "thead", "tbody",
            "tfoot", "caption", "colgroup", "optgroup", "option");

    private static final Set<String> ACTIVE = Set.of("script", "noscript", "iframe", "frame", "frameset", "object", "embed",
            "applet", "param", "canvas", "template", "portal", "slot", "svg", "math");
    private static final Set<String> FORM_CONTROLS = Set.of("input", "button", "select", "textarea", "option", "optgroup",
            "datalist", "output", "keygen");
    private static final Set<String> FORM_PARTS = Set.of("form", "label", "fieldset", "legend", "meter", "progress");
    private static final Set<String> HEAD = Set.of("style", "link", "base", "meta", "title", "head");
    private static final Set<String> MEDIA = Set.of("audio", "video", "source", "track");

    private static final Set<String> GLOBAL = Set.of("id", "class", "title", "lang", "dir", "hidden", "translate", "spellcheck",
            "role", "epub:type", "style", "aria-label", "aria-hidden");
    private static final Map<String, Set<String>> SPECIFIC = Map.ofEntries(
            Map.entry("a", Set.of("href", "hreflang", "type")),
            Map.entry("img", Set.of("src", "alt", "width", "height")),
            Map.entry("blockquote", Set.of("cite")), Map.entry("q", Set.of("cite")),
            Map.entry("del", Set.of("cite", "datetime")), Map.entry("ins", Set.of("cite", "datetime")),
            Map.entry("ol", Set.of("start", "reversed", "type")), Map.entry("li", Set.of("value")),
            Map.entry("td", Set.of("colspan", "rowspan")), Map.entry("th", Set.of("colspan", "rowspan", "scope", "abbr")),
            Map.entry("col", Set.of("span")), Map.entry("colgroup", Set.of("span")),
            Map.entry("time", Set.of("datetime")), Map.entry("data", Set.of("value")));
    /** Attributes that fetch a resource the book does not carry. */
    private static final Set<String> RESOURCES = Set.of("srcset", "sizes", "poster", "background", "longdesc", "usemap",
            "data", "codebase", "classid", "xlink:href", "action", "formaction", "ping", "manifest");

    private static final Pattern ID = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.\\-\\p{M}]*");
    private static final Pattern LANGUAGE = Pattern.compile("|[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern DATA = Pattern.compile("data-[a-z0-9_.\\-]+");
    private static final Pattern TOKENS = Pattern.compile("\\s*[a-z][a-z0-9-]*(\\s+[a-z][a-z0-9-]*)*\\s*");
    private static final Pattern UNSIGNED = Pattern.compile("[0-9]{1,6}");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}(-\\d{2}(-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:?\\d{2})?)?)?)?");
    /** A declaration list with nothing in it that fetches, runs or escapes: {@code color: red; font-style: italic}. */
    private static final Pattern PLAIN_CSS = Pattern.compile("\\s*([a-zA-Z-]+\\s*:\\s*[^;{}\\\\<>@\"]*?\\s*(;\\s*|$))*");
    private static final Pattern FETCHES = Pattern.compile("(?i)url\\s*\\(|@import|image-set\\s*\\(|expression\\s*\\(|-moz-binding|behavior\\s*:");
    private static final Set<String> ROLES = Set.of("note", "figure", "group", "img", "list", "listitem", "none",
            "presentation", "region", "separator", "term", "definition", "heading", "paragraph", "doc-abstract",
            "doc-acknowledgments", "doc-afterword", "doc-appendix", "doc-backlink", "doc-biblioref", "doc-bibliography",
            "doc-chapter", "doc-colophon", "doc-conclusion", "doc-credit", "doc-credits", "doc-dedication", "doc-endnotes",
            "doc-epigraph", "doc-epilogue", "doc-errata", "doc-example", "doc-footnote", "doc-foreword", "doc-glossary",
            "doc-glossref", "doc-index", "doc-introduction", "doc-noteref", "doc-notice", "doc-pagebreak", "doc-part",
            "doc-preface", "doc-prologue", "doc-pullquote", "doc-qna", "doc-subtitle", "doc-tip", "doc-toc",
            "doc-endnote", "doc-biblioentry");          // deprecated: kept for the accessibility check to report (A11Y-005)

    private HtmlPolicy() {
    }

    enum Action { KEEP, UNWRAP, DROP }

    /** What to do with an element, and why. */
    record Verdict(Action action, Code code, String reason) {
        static final Verdict KEEP = new Verdict(Action.KEEP, null, "");
    }

    /** The verdict on an element by its name alone. */
    static Verdict element(String tag) {
        if (PHRASING.contains(tag) || BLOCKS.contains(tag)) {
            return Verdict.KEEP;
        }
        if (ACTIVE.contains(tag)) {
            return new Verdict(Action.DROP, Code.HTML_001, switch (tag) {
                case "svg" -> "inline SVG is not carried: show it as an image file, ![description](file.svg)";
                case "math" -> "MathML is not carried";
                default -> "an EPUB may not run scripts or embed other documents";
            });
        }
        if (FORM_CONTROLS.contains(tag)) {
            return new Verdict(Action.DROP, Code.HTML_005, "forms do not work in an e-book");
        }
        if (FORM_PARTS.contains(tag)) {
            return new Verdict(Action.UNWRAP, Code.HTML_005, "forms do not work in an e-book; its content is kept");
        }
        if (HEAD.contains(tag)) {
            return new Verdict(Action.DROP, Code.HTML_006, "the text of a book cannot carry styles or metadata (styles go in styles/epub.css)");
        }
        if (MEDIA.contains(tag)) {
            return new Verdict(Action.DROP, Code.HTML_007, "the book carries no audio or video");
        }
        if (tag.equals("picture")) {
            return new Verdict(Action.UNWRAP, Code.HTML_007, "its sources are not carried; its <img> is kept");
        }
        if (tag.equals("area")) {
            return new Verdict(Action.DROP, Code.HTML_008, "image maps are not carried");
        }
        return new Verdict(Action.UNWRAP, Code.HTML_008, "it is not an element of XHTML in EPUB 3; its content is kept");
    }

    /** Why an attribute of {@code tag} is dropped, and under which code; empty when it is kept as it is. */
    record Refusal(Code code, String reason) {
    }

    static Optional<Refusal> attribute(String tag, String name, String value) {
        if (name.startsWith("on")) {
            return refuse(Code.HTML_002, "an EPUB may not run scripts");
        }
        if (RESOURCES.contains(name)) {
            return refuse(Code.HTML_007, "the book does not carry what it points to");
        }
        if (Urls.unsafeScheme(value) && (name.equals("href") || name.equals("src") || name.equals("cite"))) {
            return refuse(Code.HTML_003, "a " + value.strip().split(":", 2)[0].toLowerCase(java.util.Locale.ROOT)
                    + ": URL could run code or hide a document");
        }
        if (name.equals("style") && FETCHES.matcher(value).find()) {
            return refuse(Code.HTML_007, "it fetches a resource the book does not carry");
        }
        if (name.startsWith("data-") && DATA.matcher(name).matches()) {
            return Optional.empty();
        }
        if (!GLOBAL.contains(name) && !SPECIFIC.getOrDefault(tag, Set.of()).contains(name)) {
            return refuse(Code.HTML_010, "XHTML in EPUB 3 has no such attribute on <" + tag + ">");
        }
        boolean valid = switch (name) {
            case "id" -> ID.matcher(value).matches();
            case "lang", "hreflang" -> LANGUAGE.matcher(value).matches();
            case "dir" -> value.equals("ltr") || value.equals("rtl") || value.equals("auto");
            case "translate" -> value.equals("yes") || value.equals("no") || value.isEmpty();
            case "spellcheck" -> value.equals("true") || value.equals("false") || value.isEmpty();
            case "hidden", "reversed" -> value.isEmpty() || value.equalsIgnoreCase(name);
            case "aria-hidden" -> value.equals("true") || value.equals("false");
            case "role" -> !value.isBlank() && java.util.Arrays.stream(value.strip().split("\\s+")).allMatch(ROLES::contains);
            case "epub:type" -> TOKENS.matcher(value).matches();
            case "style" -> PLAIN_CSS.matcher(value).matches();
            case "width", "height", "colspan", "rowspan", "span" -> UNSIGNED.matcher(value).matches()
                    && (!name.endsWith("span") || Integer.parseInt(value) > 0 || name.equals("rowspan"));
            case "start", "value" -> INTEGER.matcher(value).matches();
            case "type" -> !tag.equals("ol") || value.matches("[1aAiI]");
            case "scope" -> value.matches("row|col|rowgroup|colgroup|auto");
            case "datetime" -> DATE_TIME.matcher(value.strip()).matches();
            case "src" -> !value.isBlank();
            default -> true;
        };
        return valid ? Optional.empty() : refuse(Code.HTML_010, "'" + shorten(value) + "' is not a value XHTML allows there");
    }

    private static Optional<Refusal> refuse(Code code, String reason) {
        return Optional.of(new Refusal(code, reason));
    }

    /** A value as it is shown in a message: at most 60 characters, on one line. */
    static String shorten(String value) {
        String one = value.replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "…";
    }
}
