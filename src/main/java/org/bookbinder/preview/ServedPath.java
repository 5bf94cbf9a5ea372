package org.bookbinder.preview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one gate between a request's path and a file: a still percent-encoded path is decoded once, segment by
 * segment, and refused unless every segment is a plain name. Refused: empty segments ({@code //}, a leading
 * {@code /}: absolute), {@code .} and {@code ..} however they are encoded, hidden names (a leading dot: the build's
 * staging folders), an encoded {@code /} or a backslash, a {@code %} left after decoding (double encoding), a colon
 * (drive letters, alternate streams), control characters, malformed percent-encoding or UTF-8. A file that passes is
 * then resolved under its root and refused unless it is a regular file whose real path (links followed) is still
 * under the root's real path.
 */
final class ServedPath {
    private ServedPath() {
    }

    /** The decoded relative path ({@code a/b.html}) of a raw request path below a route, or empty if refused. */
    static Optional<String> decode(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (String segment : raw.split("/", -1)) {
            Optional<String> name = percentDecode(segment).filter(ServedPath::plainName);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            names.add(name.get());
        }
        return Optional.of(String.join("/", names));
    }

    /** The regular file under {@code root} that a raw request path names, or empty if refused or absent. */
    static Optional<Path> resolve(Path root, String raw) {
        Optional<String> relative = decode(raw);
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path realRoot = root.toRealPath();
            Path file = realRoot.resolve(relative.get()).normalize();
            if (!file.startsWith(realRoot) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Path real = file.toRealPath();
            return real.startsWith(realRoot) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                    ? Optional.of(real) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A relative path ({@code a/b c.html}) percent-encoded for a URL, segment by segment ({@code a/b%20c.html}). */
    static String encode(String relative) {
        StringBuilder sb = new StringBuilder();
        for (byte b : relative.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean plainName(String name) {
        if (name.isEmpty() || name.startsWith(".")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == '%' || c == ':') {
                return false;
            }
        }
        return true;
    }

    /** Strict percent-decoding into UTF-8 ({@code +} stays a plus sign); empty when malformed. */
    static Optional<String> percentDecode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return Optional.empty();                    // a raw path is ASCII; anything else was never encoded
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
