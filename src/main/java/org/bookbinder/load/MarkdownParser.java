package org.bookbinder.load;

import org.bookbinder.annotate.citations.CitationSyntax;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.List;

/**
 * The one commonmark parser configuration for chapters: CommonMark plus footnotes (with inline {@code ^[notes]}),
 * tables, YAML front matter, heading attributes, bracketed spans and pandoc's citations, with source spans on blocks and inlines
 * so every node knows its line and column. Thread-safe.
 */
public final class MarkdownParser {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(
                    FootnotesExtension.builder().inlineFootnotes(true).build(),
                    TablesExtension.create(),
                    YamlFrontMatterExtension.create(),
                    CitationSyntax.create()))
            .linkProcessor(new SpanLinkProcessor())
            .postProcessor(new HeadingAttributesPostProcessor())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private MarkdownParser() {
    }

    public static Document parse(String markdown) {
        return (Document) PARSER.parse(markdown);
    }
}
