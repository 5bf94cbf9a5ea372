package org.bookbinder.preview;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a book file around a diagnostic's line, for the preview's diagnostics list.
 *
 * @param file  the file as the diagnostic names it
 * @param line  the line asked for (clamped to the file)
 * @param first the number of the first line given
 * @param lines the lines, without their line ends
 */
record SourceExcerpt(String file, int line, int first, List<String> lines) {
    /** Lines shown before and after the one asked for. */
    static final int CONTEXT = 6;

    SourceExcerpt {
        lines = List.copyOf(lines);
    }

    /** Reads the lines around {@code line} (1-based) of {@code path}; bytes that are not UTF-8 show as U+FFFD. */
    static SourceExcerpt read(String file, Path path, int line) throws IOException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        List<String> all = text.lines().toList();
        int at = Math.max(1, Math.min(line, all.size()));
        int first = Math.max(1, at - CONTEXT);
        int last = Math.min(all.size(), at + CONTEXT);
        List<String> lines = new ArrayList<>(all.subList(Math.min(first - 1, all.size()), last));
        return new SourceExcerpt(file, at, first, lines);
    }
}
