/**
 * Sanitising: what an author wrote that may not go into an EPUB — scripts, event handlers, unsafe or dead links,
 * forms, remote resources, elements and attributes that are not XHTML — is dropped or unwrapped, each with a warning
 * ({@code HTML-001}…{@code HTML-010}) at the line where it is written: in a chapter, a glossary definition or the colophon.
 */
package org.bookbinder.annotate.sanitise;
