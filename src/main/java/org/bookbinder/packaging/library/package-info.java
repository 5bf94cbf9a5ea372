/** Library records written beside the EPUB: a MARCXML record (marc4j) for catalogues and an OPDS 1.2 entry for catalogue servers. */
package org.bookbinder.packaging.library;
