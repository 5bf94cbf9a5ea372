/** Bookbinder: binds a Markdown manuscript into an EPUB 3 and a print edition. {@link org.bookbinder.Bookbinder} is the one entry point. */
package org.bookbinder;
