/** Stage 1, load: reads book.yaml, the chapters (parsed with source spans) and the files book.yaml names; resolves nothing. */
package org.bookbinder.load;
