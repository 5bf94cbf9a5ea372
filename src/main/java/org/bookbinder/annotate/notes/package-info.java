/**
 * Notes, one feature from parse to page: footnote syntax is parsed by commonmark's footnotes extension (load),
 * numbered and collected at the end of each chapter here (annotate), and written as pop-up markup by
 * {@link org.bookbinder.annotate.notes.NoteHtmlRenderer} (render).
 */
package org.bookbinder.annotate.notes;
