/**
 * {@code bookbinder watch}: rebuilds the book on every save and serves a live preview of it on the loopback
 * interface (the EPUB in foliate-js, the print edition paged by Paged.js, the diagnostics with their source).
 */
package org.bookbinder.preview;
