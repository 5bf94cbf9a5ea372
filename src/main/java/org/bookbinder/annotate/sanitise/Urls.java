package org.bookbinder.annotate.sanitise;

import org.bookbinder.diagnostics.Code;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which URLs a book may link to, and how they are written so that EPUBCheck reads them as URLs.
 *
 * <p>Allowed: web addresses ({@code http}, {@code https}) with a host, {@code mailto} and {@code tel}, and paths
 * inside the book (whether a path or an anchor leads anywhere is checked with the links between chapters). Refused,
 * with the reason: {@code javascript:}, {@code vbscript:}, {@code file:} and {@code data:} URLs (a {@code data:} URL
 * can hide a whole document; the book's images are files of the book, refused by the loader as {@code data:} URLs,
 * and only the print edition embeds them, after sanitising, as {@code data:} URLs of the copies the book carries),
 * any other scheme (e-readers open none), scheme-relative {@code //host} addresses, and web addresses without a host.
 */
public final class Urls {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Set<String> UNSAFE = Set.of("javascript", "vbscript", "data", "file", "jar", "blob", "filesystem", "about");
    private static final Set<String> WEB = Set.of("http", "https");
    private static final Set<String> OTHER = Set.of("mailto", "tel");
    /** encodeURI's characters, which stay as they are; {@code %} stays when it starts an escape. */
    private static final String KEPT = "-_.!~*'();/?:@&=+$,";

    private Urls() {
    }

    /**
     * What to do with a URL: keep it, as {@code url} (percent-encoded), when {@code code} is empty; else drop it,
     * reported under {@code code} (HTML-003 unsafe, HTML-004 dead) for {@code reason}.
     */
    public record Verdict(String url, Optional<Code> code, String reason) {
        static Verdict keep(String url) {
            return new Verdict(url, Optional.empty(), "");
        }

        static Verdict unsafe(String reason) {
            return new Verdict("", Optional.of(Code.HTML_003), reason);
        }

        static Verdict dead(String reason) {
            return new Verdict("", Optional.of(Code.HTML_004), reason);
        }

        public boolean kept() {
            return code.isEmpty();
        }
    }

    /** The verdict on the destination of a link ({@code href}). */
    public static Verdict link(String raw) {
        String url = raw.strip();
        Optional<String> scheme = scheme(url);
        if (scheme.isPresent()) {
            String s = scheme.get();
            if (UNSAFE.contains(s)) {
                return Verdict.unsafe("a " + s + ": URL could run code or hide a document");
            }
            if (OTHER.contains(s)) {
                return Verdict.keep(encode(url));
            }
            if (!WEB.contains(s)) {
                return Verdict.dead("e-readers open no '" + HtmlPolicy.shorten(s) + ":' links; link to an http or https address");
            }
            String encoded = encode(url);
            return validWebAddress(encoded) ? Verdict.keep(encoded)
                    : Verdict.dead("'" + HtmlPolicy.shorten(url) + "' is not a web address with a host");
        }
        if (url.startsWith("//")) {
            return Verdict.dead("'" + HtmlPolicy.shorten(url) + "' has no scheme: write https://");
        }
        // a path inside the book: a chapter, an anchor — whether it leads anywhere is for the chapter links to say
        return Verdict.keep(encode(url));
    }

    /** The verdict on a URL that only names a source ({@code cite} of a quotation): a web address, or nothing. */
    public static Verdict citation(String raw) {
        Verdict v = link(raw);
        if (v.kept() && !scheme(v.url()).map(WEB::contains).orElse(false)) {
            return Verdict.dead("a quotation's source must be a web address");
        }
        return v;
    }

    /** Whether {@code url} starts with a scheme that may never appear in a book: {@code javascript:}, {@code data:}… */
    public static boolean unsafeScheme(String url) {
        return scheme(url.strip()).map(UNSAFE::contains).orElse(false);
    }

    private static Optional<String> scheme(String url) {
        var m = SCHEME.matcher(url);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static boolean validWebAddress(String encoded) {
        try {
            URI uri = new URI(encoded);
            String host = uri.getHost();
            return host != null && !host.isEmpty() && !host.startsWith(".") && !host.contains("..");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * {@code url} as JavaScript's {@code encodeURI} writes it: letters, digits, {@link #KEPT} and the first {@code #}
     * stay, escapes ({@code %20}) stay, everything else is written as UTF-8 {@code %XX}.
     */
    static String encode(String url) {
        StringBuilder out = new StringBuilder(url.length() + 8);
        boolean fragment = false;
        byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            char c = (char) b;
            if (b < 0x80 && (Character.isLetterOrDigit(c) || KEPT.indexOf(c) >= 0)) {
                out.append(c);
            } else if (c == '#' && !fragment) {
                fragment = true;
                out.append(c);
            } else if (c == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2])) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static boolean hex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
