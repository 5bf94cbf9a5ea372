/** Stage 2, annotate: works out what crosses documents (ids, the table of contents, typography, notes, citations, glossary links). */
package org.bookbinder.annotate;
