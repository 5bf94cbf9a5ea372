package org.bookbinder.load;

import org.commonmark.node.Document;

/**
 * book.yaml's {@code colophon:}, Markdown parsed with the chapter parser, its nodes at book.yaml's lines
 * ({@link YamlMarkdown}). As with a chapter's tree, the annotate stage owns the document from then on.
 *
 * @param file where it is written, for diagnostics: {@code book.yaml}
 */
public record Colophon(String file, Document document) {
}
