/**
 * The glossary, one feature from file to page: read from glossary.yaml ({@link GlossaryReader}, load), its terms
 * linked on first use in each chapter ({@link GlossaryLinker}, annotate), and written as an EPUB 3 glossary page
 * with a search key map, in the e-book and the print edition ({@link GlossaryPage}, render).
 */
package org.bookbinder.annotate.glossary;
