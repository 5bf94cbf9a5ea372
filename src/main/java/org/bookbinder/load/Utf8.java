package org.bookbinder.load;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding that says where a file stops being UTF-8. */
final class Utf8 {
    private Utf8() {
    }

    /** The decoded text (without a byte-order mark), or the place of the first bad byte. */
    sealed interface Result permits Text, Malformed {
    }

    record Text(String text) implements Result {
    }

    /** 1-based line, and column counted in bytes (after a byte-order mark). */
    record Malformed(int line, int column) implements Result {
    }

    static Result decode(byte[] bytes) {
        if (ascii(bytes)) {
            return new Text(new String(bytes, StandardCharsets.US_ASCII));      // most manuscripts: no decoder needed
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            if (line == 1 && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
                lineStart = 3;                                                  // an editor does not count the byte-order mark
            }
            return new Malformed(line, bad - lineStart + 1);
        }
        out.flip();
        String text = out.toString();
        return new Text(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
