package org.bookbinder.check;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.xml.XMLValidators;
import org.bookbinder.BuildOptions;
import org.bookbinder.Bookbinder;
import org.bookbinder.BuildResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our {@code XMLValidators}, which compiles EPUBCheck's schemas when they are first used, stands in for EPUBCheck's
 * own with the same schemas; and the warm-up compiles exactly the schemas EPUBCheck checks our books against.
 */
class EpubCheckerTest {
    @TempDir
    static Path temp;

    /** The constants and schemas of EPUBCheck's own class, read from its jar: the strings of its constant pool. */
    @Test
    void standsInForEpubChecksOwnClassWithTheSameSchemas() throws IOException {
        assertThat(EpubCheck.version()).as("written against EPUBCheck 5.3.0's class: compare it again on an upgrade")
                .startsWith("5.3.0");
        List<String> strings = new ArrayList<>();
        String jar = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.matches(".*epubcheck-[0-9.]+\\.jar")).findFirst().orElseThrow();
        try (JarFile file = new JarFile(jar);
             InputStream in = file.getInputStream(file.getEntry("com/adobe/epubcheck/xml/XMLValidators.class"))) {
            DataInputStream data = new DataInputStream(in);
            data.readInt();                              // magic
            data.readInt();                              // version
            int count = data.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> strings.add(data.readUTF());
                    case 7, 8, 16, 19, 20 -> data.readUnsignedShort();
                    case 15 -> data.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
                    case 5, 6 -> {
                        data.readLong();
                        i++;
                    }
                    default -> throw new AssertionError("constant pool tag " + tag);
                }
            }
        }
        List<String> theirSchemas = strings.stream().filter(s -> s.startsWith("schema/")).sorted().toList();
        List<String> ourSchemas = Arrays.stream(XMLValidators.values()).map(XMLValidators::schema).sorted().toList();
        assertThat(ourSchemas).isEqualTo(theirSchemas);
        for (XMLValidators v : XMLValidators.values()) {
            assertThat(strings).as("EPUBCheck's constant").contains(v.name());
            assertThat(v.normative()).as(v.name()).isEqualTo(v != XMLValidators.SVG_30_INFORMATIVE_NVDL);
        }
    }

    /**
     * In a fresh JVM that checks the flagship and the test book with an SVG image, and nothing else: the warm-up's
     * schemas, and the SVG image's, which the warm-up leaves to be compiled when a book with one is checked.
     */
    @Test
    void theWarmUpCompilesTheSchemasOurBooksAreCheckedAgainst() throws IOException, InterruptedException {
        List<String> epubs = new ArrayList<>();
        for (String book : List.of(".", "src/test/resources/books/images")) {
            Path out = temp.resolve(String.valueOf(epubs.size()));
            BuildResult result = Bookbinder.build(Path.of(book), BuildOptions.defaults().withOutDir(out).withCheck(false));
            assertThat(result.succeeded()).as(book + ": " + result.diagnostics()).isTrue();
            epubs.add(result.outputs().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow().toString());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SchemasUsed.class.getName()));
        command.addAll(epubs);
        Path log = temp.resolve("schemas.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        var used = new TreeSet<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        var listed = new TreeSet<>(EpubChecker.SCHEMAS.stream().map(Enum::name).toList());
        listed.add(XMLValidators.SVG_30_NVDL.name());   // SVG images' own schema: left to the books that have them
        assertThat(used).isEqualTo(listed);
    }
}
