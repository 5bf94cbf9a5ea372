package org.bookbinder.annotate;

/** A {@code ##} heading: an entry under its chapter in the table of contents. */
public record Section(String id, String title) {
}
