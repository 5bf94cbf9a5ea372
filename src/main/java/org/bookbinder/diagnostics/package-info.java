/** Problems found in a book or its output, as located, coded messages: the currency every stage reports in. */
package org.bookbinder.diagnostics;
