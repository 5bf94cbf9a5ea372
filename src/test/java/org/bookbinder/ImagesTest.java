package org.bookbinder;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The book in src/test/resources/books/images: images are carried in the EPUB and embedded in the print edition. */
class ImagesTest {
    static final Path BOOK = Path.of("src/test/resources/books/images");

    @TempDir
    static Path out;
    static BuildResult result;
    static Map<String, byte[]> entries = new LinkedHashMap<>();

    @BeforeAll
    static void build() throws Exception {
        result = Bookbinder.build(BOOK, BuildOptions.defaults().withOutDir(out));
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(out.resolve("images-test.epub")))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
    }

    private static byte[] source(String path) throws Exception {
        return Files.readAllBytes(BOOK.resolve(path));
    }

    private static Document xml(String entry) {
        return Jsoup.parse(new String(entries.get(entry), StandardCharsets.UTF_8), "", Parser.xmlParser());
    }

    @Test
    void buildsWithoutAnyDiagnosticEpubCheckIncluded() {
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void eachImageIsCarriedOnceWithItsBytesAndMediaType() throws Exception {
        assertThat(entries.get("EPUB/images/img/map.png")).isEqualTo(source("chapters/img/map.png"));
        assertThat(entries.get("EPUB/images/img/camps-plan.svg")).as("a space in a file name is not carried into the package")
                .isEqualTo(source("chapters/img/camps plan.svg"));
        assertThat(entries.get("EPUB/images/rule.png")).isEqualTo(source("chapters/rule.png"));
        assertThat(entries.keySet().stream().filter(n -> n.startsWith("EPUB/images/"))).hasSize(3);

        Document opf = xml("EPUB/package.opf");
        Map<String, String> types = new LinkedHashMap<>();
        for (Element item : opf.select("manifest > item[href^=images/]")) {
            types.put(item.attr("href"), item.attr("media-type"));
        }
        assertThat(types).containsExactly(
                Map.entry("images/img/map.png", "image/png"),
                Map.entry("images/img/camps-plan.svg", "image/svg+xml"),
                Map.entry("images/rule.png", "image/png"));
    }

    @Test
    void chaptersPointAtTheCarriedImagesAndATitledImageIsAFigure() {
        Document first = xml("EPUB/text/01-figures.xhtml");
        Element figure = first.selectFirst("figure");
        assertThat(figure).isNotNull();
        assertThat(figure.selectFirst("img").attr("src")).isEqualTo("../images/img/map.png");
        assertThat(figure.selectFirst("img").attr("alt")).isEqualTo("A blue rectangle standing for a map of the camps");
        assertThat(figure.selectFirst("img").hasAttr("title")).isFalse();
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("The camps in 1945");
        assertThat(first.select("p img").eachAttr("src"))
                .containsExactly("../images/img/camps-plan.svg", "../images/img/map.png", "../images/rule.png");
        assertThat(first.selectFirst("img[src$=rule.png]").attr("alt")).as("a deliberately empty alt stays empty").isEmpty();
        assertThat(xml("EPUB/text/02-again.xhtml").select("img").eachAttr("src")).containsExactly("../images/img/map.png");
    }

    @Test
    void thePrintEditionEmbedsEveryImageAndNeedsNoOtherFile() throws Exception {
        Document html = Jsoup.parse(Files.readString(out.resolve("images-test.html"), StandardCharsets.UTF_8));
        assertThat(html.select("img")).hasSize(5);
        for (Element img : html.select("img")) {
            assertThat(img.attr("src")).startsWith("data:image/");
        }
        String map = html.selectFirst("figure img").attr("src");
        assertThat(Base64.getDecoder().decode(map.substring(map.indexOf(',') + 1))).isEqualTo(source("chapters/img/map.png"));
        assertThat(html.select("[src]:not([src^=data:]), link[href]")).as("no external reference").isEmpty();
    }
}
