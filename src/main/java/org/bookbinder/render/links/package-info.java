/** Links between chapters: where a link to another chapter's Markdown file goes in the e-book, and that it goes somewhere. */
package org.bookbinder.render.links;
