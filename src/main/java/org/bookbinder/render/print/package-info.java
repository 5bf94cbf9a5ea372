/** The print edition's typesetting: page geometry from book.yaml, notes placed beside their references, hyphenation, fine typography, embedded fonts, printing to PDF. */
package org.bookbinder.render.print;
