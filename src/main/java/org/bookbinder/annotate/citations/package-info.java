/**
 * Citations and the bibliography, one feature from parse to page: pandoc's citation syntax is parsed by commonmark
 * hooks ({@link org.bookbinder.annotate.citations.CitationSyntax}, load), the bibliography file is read by
 * {@link org.bookbinder.annotate.citations.BibliographyReader} (load), citations are formatted by citeproc-java and,
 * in a notes style, turned into notes by {@link org.bookbinder.annotate.citations.Citations} (annotate), and written
 * as linked markup and a bibliography page by {@link org.bookbinder.annotate.citations.CitationHtmlRenderer} and
 * {@link org.bookbinder.annotate.citations.BibliographyPage} (render).
 */
package org.bookbinder.annotate.citations;
