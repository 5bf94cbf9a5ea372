/**
 * {@code bookbinder import}: turns a scraped web page (plain text or HTML) into a first draft of a book —
 * chapters split at the section headings, navigation debris dropped, bracketed source references turned into
 * citations, a bibliography and a book.yaml skeleton. After that, the chapters are edited by hand.
 */
package org.bookbinder.load.importer;
