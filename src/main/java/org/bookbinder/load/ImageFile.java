package org.bookbinder.load;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image a chapter shows, read from the book directory, with the path it gets in the e-book.
 *
 * @param source    its path relative to the book directory, with {@code /} separators: {@code chapters/img/map.png}
 * @param href      its path inside the EPUB's content folder: {@code images/img/map.png}
 * @param mediaType one of EPUB's core media types for images
 */
public record ImageFile(String source, String href, String mediaType, byte[] data) {

    /**
     * The book-relative path that {@code src}, written in the chapter {@code chapterFile}, points to; empty when
     * {@code src} is not a relative path (a URL with a scheme, an absolute path, a {@code data:} URI) or leaves the
     * book directory. Markdown's rule: a relative path is relative to the file it is written in.
     */
    public static Optional<String> resolve(String chapterFile, String src) {
        if (src.isEmpty() || src.startsWith("/") || src.startsWith("#") || hasScheme(src)) {
            return Optional.empty();
        }
        String path = src.replaceFirst("[?#].*$", "");
        int slash = chapterFile.lastIndexOf('/');
        Path base = Path.of(slash < 0 ? "." : chapterFile.substring(0, slash));
        Path resolved = base.resolve(decode(path)).normalize();
        if (resolved.startsWith("..") || resolved.toString().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(resolved.toString().replace('\\', '/'));
    }

    private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    /** Whether {@code src} starts with a URI scheme ({@code https:}, {@code data:}, …). */
    public static boolean hasScheme(String src) {
        return HAS_SCHEME.matcher(src).matches();
    }

    /** {@code %20} and the like, as a browser reads them; a malformed escape is taken literally. */
    private static String decode(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }
}
