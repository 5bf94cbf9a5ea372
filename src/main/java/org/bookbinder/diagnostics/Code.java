package org.bookbinder.diagnostics;

/**
 * Every diagnostic code Bookbinder itself reports, with its severity. Codes are stable: tests, scripts
 * and users match on them. EPUBCheck's own message ids (e.g. {@code RSC-005}) pass through unchanged. A new code
 * gets a line in the README's "Diagnostic codes" and a case in {@code src/test/resources/bad/} (DiagnosticCodesTest).
 */
public enum Code {
    /** The book directory has no book.yaml. */
    BOOK_001("BOOK-001", Severity.ERROR),
    /** book.yaml is not well-formed YAML. */
    BOOK_002("BOOK-002", Severity.ERROR),
    /** book.yaml has a key the tool does not know. */
    BOOK_003("BOOK-003", Severity.ERROR),
    /** book.yaml lacks a required key (id, title, language). */
    BOOK_004("BOOK-004", Severity.ERROR),
    /** A book.yaml value has the wrong type or form. */
    BOOK_005("BOOK-005", Severity.ERROR),
    /** A file named in book.yaml (glossary, bibliography, stylesheet) does not exist. */
    BOOK_006("BOOK-006", Severity.ERROR),
    /** A file of the book is there but cannot be read: no permission, or a folder where a file should be. */
    BOOK_007("BOOK-007", Severity.ERROR),
    /** A file of the book lies outside the book directory ({@code ../}, an absolute path, a symbolic link): refused, not read. */
    BOOK_008("BOOK-008", Severity.ERROR),

    /** A chapter listed in book.yaml does not exist. */
    CHAP_001("CHAP-001", Severity.ERROR),
    /** The book has no chapters. */
    CHAP_002("CHAP-002", Severity.ERROR),
    /** A chapter is not valid UTF-8. */
    CHAP_003("CHAP-003", Severity.ERROR),
    /** A chapter has no level-1 heading to take its title from. */
    CHAP_004("CHAP-004", Severity.WARNING),
    /** A chapter's front matter has an unknown key or a bad value. */
    CHAP_005("CHAP-005", Severity.ERROR),
    /** Two headings in one chapter ask for the same id. */
    CHAP_006("CHAP-006", Severity.ERROR),
    /** Malformed attribute block {@code {#id .class key=value}}. */
    CHAP_007("CHAP-007", Severity.ERROR),
    /** Raw HTML that is not well-formed as written: an element left open (a chapter's, a definition's, the colophon's). */
    CHAP_008("CHAP-008", Severity.WARNING),
    /** Two chapters would be the same page of the e-book: one file listed twice, or one file name in two folders. */
    CHAP_009("CHAP-009", Severity.ERROR),

    /** Raw HTML: a script, or content that embeds another document or runs code (iframe, object, embed, inline SVG…), dropped. */
    HTML_001("HTML-001", Severity.WARNING),
    /** Raw HTML: an event-handler attribute ({@code onclick} and every other {@code on…}), dropped. */
    HTML_002("HTML-002", Severity.WARNING),
    /** A link or attribute with a URL that could run code or hide a document ({@code javascript:}, {@code vbscript:}, {@code data:}, {@code file:}), dropped. */
    HTML_003("HTML-003", Severity.WARNING),
    /** A link e-readers cannot follow (another scheme, {@code //host}, a malformed web address): unlinked. Paths in the book are LINK-001/002. */
    HTML_004("HTML-004", Severity.WARNING),
    /** Raw HTML: a form or form control, dropped (a form's content is kept). */
    HTML_005("HTML-005", Severity.WARNING),
    /** Raw HTML: {@code <style>}, {@code <link>}, {@code <base>}, {@code <meta>} or {@code <title>} in the text, dropped. */
    HTML_006("HTML-006", Severity.WARNING),
    /** Raw HTML: audio, video or another resource the book does not carry (a remote or unpackaged source), dropped. */
    HTML_007("HTML-007", Severity.WARNING),
    /** Raw HTML: an element that is not XHTML in EPUB 3 (unknown or obsolete), unwrapped: its content is kept. */
    HTML_008("HTML-008", Severity.WARNING),
    /** Raw HTML: an element where XHTML does not allow it (a paragraph inside {@code <pre>}, a link inside a link…), unwrapped. */
    HTML_009("HTML-009", Severity.WARNING),
    /** An attribute XHTML in EPUB 3 does not allow there, or with a value it does not allow (a duplicate id…), dropped. */
    HTML_010("HTML-010", Severity.WARNING),

    /** A chapter nests deeper than a book may (blocks, lists, emphasis): it cannot be read safely. */
    LIMIT_001("LIMIT-001", Severity.ERROR),
    /** A chapter file is larger than a book may read. */
    LIMIT_002("LIMIT-002", Severity.ERROR),
    /** The build ran out of memory. */
    LIMIT_003("LIMIT-003", Severity.ERROR),

    /** A note reference {@code [^label]} with no definition. */
    NOTE_001("NOTE-001", Severity.ERROR),
    /** A note definition that nothing references. */
    NOTE_002("NOTE-002", Severity.WARNING),
    /** A note label defined twice in one chapter. */
    NOTE_003("NOTE-003", Severity.ERROR),

    /** An image with no alt text (a decorative image says so with an explicit {@code alt=""}). */
    A11Y_001("A11Y-001", Severity.ERROR),
    /** A heading skips a level (## after #### is fine; # then ### is not). */
    A11Y_002("A11Y-002", Severity.WARNING),
    /** An {@code accessibility:} value in book.yaml contradicts what the content has. */
    A11Y_003("A11Y-003", Severity.WARNING),
    /** A rendered element's {@code epub:type} lacks its matching ARIA role. */
    A11Y_004("A11Y-004", Severity.WARNING),
    /** A rendered element uses a deprecated DPUB-ARIA role. */
    A11Y_005("A11Y-005", Severity.WARNING),
    /** A rendered document lacks {@code lang}/{@code xml:lang}. */
    A11Y_006("A11Y-006", Severity.WARNING),

    /** An image a chapter shows does not exist. */
    IMG_001("IMG-001", Severity.ERROR),
    /** An image is not of a core media type (PNG, JPEG, GIF, WebP, SVG), or not what its name says. */
    IMG_002("IMG-002", Severity.ERROR),
    /** An image on the web or outside the book directory: an EPUB must carry its images. */
    IMG_003("IMG-003", Severity.ERROR),

    /** A link to a file that is not a chapter of the book ({@code 03-missing.md}, {@code notes.pdf}). */
    LINK_001("LINK-001", Severity.ERROR),
    /** A link to an anchor ({@code #id}, {@code 02-other.md#id}) that nothing in the chapter it points to has. */
    LINK_002("LINK-002", Severity.ERROR),

    /** The glossary file is not readable YAML (a syntax error, or not UTF-8). */
    GLOSS_001("GLOSS-001", Severity.ERROR),
    /** A glossary entry has a key the tool does not know. */
    GLOSS_002("GLOSS-002", Severity.ERROR),
    /** The glossary, or an entry in it, has the wrong shape: not a list, no term, a value that is not text. */
    GLOSS_003("GLOSS-003", Severity.ERROR),
    /** A glossary entry has no definition, or an empty one. */
    GLOSS_004("GLOSS-004", Severity.ERROR),
    /** A term or alias is defined twice, or an alias is another entry's term. */
    GLOSS_005("GLOSS-005", Severity.ERROR),
    /** A glossary term is never used in the book (nothing links to it). */
    GLOSS_006("GLOSS-006", Severity.WARNING),
    /** The glossary file has no entries (no glossary page is made). */
    GLOSS_007("GLOSS-007", Severity.WARNING),
    /** A chapter would have the glossary page's file name ({@code text/glossary.xhtml}). */
    GLOSS_008("GLOSS-008", Severity.ERROR),
    /** A glossary alias is the entry's own term, or a form its term or another alias already matches: left out. */
    GLOSS_009("GLOSS-009", Severity.WARNING),
    /** A citation names a key the bibliography does not have. */
    CITE_001("CITE-001", Severity.ERROR),
    /** The bibliography file is not well-formed CSL-JSON or BibTeX. */
    CITE_002("CITE-002", Severity.ERROR),
    /** Two bibliography entries have the same id. */
    CITE_003("CITE-003", Severity.ERROR),
    /** A bibliography entry lacks a field the citation processor needs, or has one of the wrong form. */
    CITE_004("CITE-004", Severity.ERROR),
    /** The bibliography file's extension is neither .json nor .bib. */
    CITE_005("CITE-005", Severity.ERROR),
    /** The citation style is not a known style id, or its .csl file is missing or unreadable. */
    CITE_006("CITE-006", Severity.ERROR),
    /** A chapter cites, but book.yaml names no bibliography. */
    CITE_007("CITE-007", Severity.ERROR),
    /** There is no CSL locale for the book's language: citations use American English terms. */
    CITE_008("CITE-008", Severity.WARNING),
    /** The citation style has no bibliography layout: the book gets no bibliography page. */
    CITE_009("CITE-009", Severity.WARNING),
    /** A bibliography entry has no title: its citations name only its author and imprint. */
    CITE_010("CITE-010", Severity.WARNING),

    /** The output directory or file cannot be written. */
    OUT_001("OUT-001", Severity.ERROR),
    /** A file to check does not exist or cannot be read. */
    OUT_002("OUT-002", Severity.ERROR),
    /** Another build is writing into the same output directory (it holds the directory's lock). */
    OUT_003("OUT-003", Severity.ERROR),

    /** {@code build --pdf}: no Chromium to print with. */
    PRINT_001("PRINT-001", Severity.ERROR),
    /** {@code build --pdf}: Chromium failed to print the edition. */
    PRINT_002("PRINT-002", Severity.ERROR),

    /** The page to import does not exist. */
    IMPORT_001("IMPORT-001", Severity.ERROR),
    /** The import's target directory already holds a book. */
    IMPORT_002("IMPORT-002", Severity.ERROR),
    /** The page to import has no text. */
    IMPORT_003("IMPORT-003", Severity.ERROR),
    /** {@code init} into a directory that already holds a book. */
    INIT_001("INIT-001", Severity.ERROR),

    /** An unexpected failure inside the tool (a bug): one line, details with --debug. */
    INTERNAL("BB-INTERNAL", Severity.ERROR);

    private final String id;
    private final Severity severity;

    Code(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }
}
