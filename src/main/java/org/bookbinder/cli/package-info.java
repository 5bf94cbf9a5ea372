/** The command line: thin picocli commands over the {@link org.bookbinder.Bookbinder} facade. */
package org.bookbinder.cli;
