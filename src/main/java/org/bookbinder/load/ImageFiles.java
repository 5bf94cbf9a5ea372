package org.bookbinder.load;

import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.jsoup.nodes.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.bookbinder.load.SourcePositions.column;
import static org.bookbinder.load.SourcePositions.line;

/**
 * Finds the images the chapters show — Markdown images and {@code <img>} in raw HTML — and reads them from the
 * book directory. Each file is read once however often it is shown, checked to be what its name says
 * (IMG-002), and given a path in the e-book under {@code images/}. A missing file is IMG-001; an image on the
 * web or outside the book directory is IMG-003, since an EPUB must carry its images.
 */
final class ImageFiles {
    /** EPUB 3.3's core media types for images, by file extension. */
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif",
            "webp", "image/webp", "svg", "image/svg+xml");

    /** A document type declaration in an SVG: the way to declare entities, internal or external (XXE). */
    private static final java.util.regex.Pattern DOCTYPE = java.util.regex.Pattern.compile("(?i)<!DOCTYPE|<!ENTITY");

    private ImageFiles() {
    }

    /** A reference to an image in a chapter, where it was written. */
    record Use(String chapterFile, String src, int line, int column) {
    }

    /** The image references of one parsed chapter, in reading order. */
    static List<Use> uses(String chapterFile, Node document) {
        List<Use> uses = new ArrayList<>();
        document.accept(new RawHtmlVisitor("<img", "img[src]") {
            @Override
            public void visit(Image image) {
                uses.add(new Use(chapterFile, image.getDestination(), line(image), column(image)));
                visitChildren(image);
            }

            @Override
            protected void visitRaw(Element img, Node node) {
                uses.add(new Use(chapterFile, img.attr("src"), line(node), column(node)));
            }
        });
        return uses;
    }

    /** Reads every image used, once, in order of first use; reports what cannot be carried in the e-book. */
    static List<ImageFile> read(Path bookDir, List<Use> uses, Diagnostics diagnostics) {
        Map<String, ImageFile> bySource = new LinkedHashMap<>();
        Set<String> hrefs = new HashSet<>();
        for (Use use : uses) {
            String source = ImageFile.resolve(use.chapterFile(), use.src()).orElse(null);
            if (source == null) {
                diagnostics.error(Code.IMG_003, use.chapterFile(), use.line(), use.column(), "the image '" + use.src() + "' is "
                        + (ImageFile.hasScheme(use.src()) ? "not a file of the book" : "outside the book directory")
                        + ": an EPUB must carry its images, so put the file in the book directory and link it by a relative path");
                continue;
            }
            if (bySource.containsKey(source)) {
                continue;
            }
            String extension = source.substring(source.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            String mediaType = source.contains(".") ? MEDIA_TYPES.get(extension) : null;
            Path file = bookDir.resolve(source);
            if (!Files.exists(file)) {
                diagnostics.error(Code.IMG_001, use.chapterFile(), use.line(), use.column(), "the image '" + use.src() + "' does not exist ("
                        + source + ")");
                continue;
            }
            if (!BookFiles.inside(bookDir, file)) {
                diagnostics.error(Code.IMG_003, use.chapterFile(), use.line(), use.column(), "the image '" + use.src() + "' ("
                        + source + ") is a symbolic link that leads outside the book directory: an EPUB must carry its images, "
                        + "so put the file itself in the book directory (it was not read)");
                continue;
            }
            if (mediaType == null) {
                diagnostics.error(Code.IMG_002, use.chapterFile(), use.line(), use.column(), "the image '" + use.src()
                        + "' is not of a type every e-reader shows: use PNG, JPEG, GIF, WebP or SVG");
                continue;
            }
            BookFiles.Place at = new BookFiles.Place(use.chapterFile(), use.line(), use.column());
            byte[] data = BookFiles.read(bookDir, file, "the image", use.src(), at, diagnostics).orElse(null);
            if (data == null) {
                continue;
            }
            if (!looksLike(mediaType, data)) {
                diagnostics.error(Code.IMG_002, use.chapterFile(), use.line(), use.column(), "the image '" + use.src()
                        + "' is not a " + mediaType.substring("image/".length()).toUpperCase(Locale.ROOT).replace("SVG+XML", "SVG")
                        + " file, as its name says");
                continue;
            }
            if (mediaType.equals("image/svg+xml") && DOCTYPE.matcher(new String(data, java.nio.charset.StandardCharsets.UTF_8)).find()) {
                diagnostics.error(Code.IMG_002, use.chapterFile(), use.line(), use.column(), "the SVG image '" + use.src()
                        + "' has a DOCTYPE: DTDs and entities are refused (an SVG needs none, and an entity could make a reader fetch a file)");
                continue;
            }
            bySource.put(source, new ImageFile(source, unique(href(source), hrefs), mediaType, data));
        }
        return List.copyOf(bySource.values());
    }

    /** {@code chapters/img/map.png} → {@code images/img/map.png}; characters that need escaping in a URL become '-'. */
    private static String href(String source) {
        String path = source.startsWith("chapters/") ? source.substring("chapters/".length()) : source;
        return "images/" + path.replaceAll("[^A-Za-z0-9._/-]", "-");
    }

    private static String unique(String href, Set<String> taken) {
        String candidate = href;
        int dot = href.lastIndexOf('.');
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = href.substring(0, dot) + "-" + n + href.substring(dot);
        }
        return candidate;
    }

    /** The file's first bytes say what it is. */
    private static boolean looksLike(String mediaType, byte[] data) {
        return switch (mediaType) {
            case "image/png" -> startsWith(data, 0x89, 'P', 'N', 'G');
            case "image/jpeg" -> startsWith(data, 0xFF, 0xD8, 0xFF);
            case "image/gif" -> startsWith(data, 'G', 'I', 'F', '8');
            case "image/webp" -> startsWith(data, 'R', 'I', 'F', 'F') && data.length > 12
                    && new String(Arrays.copyOfRange(data, 8, 12), java.nio.charset.StandardCharsets.US_ASCII).equals("WEBP");
            default -> new String(data, 0, Math.min(data.length, 4096), java.nio.charset.StandardCharsets.UTF_8).contains("<svg");
        };
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
