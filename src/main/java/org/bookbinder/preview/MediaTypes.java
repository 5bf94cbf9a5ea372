package org.bookbinder.preview;

import java.util.Locale;
import java.util.Map;

/** The media type the preview serves a file with, by its extension (text types in UTF-8). */
final class MediaTypes {
    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json";
    static final String EVENT_STREAM = "text/event-stream; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    private static final String UNKNOWN = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", HTML),
            Map.entry("xhtml", "application/xhtml+xml; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", JSON),
            Map.entry("txt", TEXT),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("epub", "application/epub+zip"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));

    private MediaTypes() {
    }

    /** {@code application/epub+zip} for {@code book.epub}; {@code application/octet-stream} when not known. */
    static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return UNKNOWN;
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".marc.xml")) {
            return "application/marcxml+xml";
        }
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".opds.xml")) {
            return "application/atom+xml;type=entry;profile=opds-catalog";
        }
        return BY_EXTENSION.getOrDefault(extension, UNKNOWN);
    }
}
