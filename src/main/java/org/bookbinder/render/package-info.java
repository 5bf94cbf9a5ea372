/** Stage 3, render: turns annotated chapters into XHTML and writes every generated page (Thymeleaf) and the print edition. */
package org.bookbinder.render;
