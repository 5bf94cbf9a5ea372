/**
 * Accessibility (EPUB Accessibility 1.1, WCAG 2.2 AA): checks on the manuscript (alt text, heading order), checks
 * on the rendered documents (ARIA roles, languages), and the OPF's schema.org metadata derived from the content.
 */
package org.bookbinder.packaging.accessibility;
