package org.bookbinder.load;

import org.commonmark.node.Document;

/**
 * One chapter file, read and parsed.
 *
 * <p>The parsed {@link Document} is handed on to the annotate stage, which owns it from then on: commonmark's
 * tree is mutable, and annotation rewrites it in place rather than copy a whole book's trees.
 *
 * @param file the path relative to the book directory, with {@code /} separators (used in diagnostics)
 * @param slug the file name without extension: {@code 01-introduction}
 */
public record Chapter(String file, String slug, String text, FrontMatter frontMatter, Document document) {
}
