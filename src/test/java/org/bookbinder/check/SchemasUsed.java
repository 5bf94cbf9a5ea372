package org.bookbinder.check;

import com.adobe.epubcheck.xml.XMLValidators;
import org.bookbinder.diagnostics.Diagnostics;

import java.nio.file.Path;
import java.util.Arrays;

/** Checks the EPUBs given, without a warm-up, in a fresh JVM, and prints the schemas EPUBCheck compiled for them. */
public final class SchemasUsed {
    private SchemasUsed() {
    }

    public static void main(String[] args) {
        for (String epub : args) {
            Diagnostics diagnostics = new Diagnostics();
            EpubChecker.check(Path.of(epub), epub, diagnostics);
            if (!diagnostics.list().isEmpty()) {
                throw new IllegalStateException(epub + ": " + diagnostics.list());
            }
        }
        Arrays.stream(XMLValidators.values()).filter(XMLValidators::compiled).forEach(v -> System.out.println(v.name()));
    }
}
