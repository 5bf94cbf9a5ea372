/** Stage 5, check: EPUBCheck inside our JVM, its messages turned into our diagnostics. */
package org.bookbinder.check;
