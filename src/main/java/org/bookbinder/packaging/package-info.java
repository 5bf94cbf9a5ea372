/** Stage 4, packaging: the epublib model of the package, the OPF and NCX, the deterministic zip, atomic output. */
package org.bookbinder.packaging;
