package org.bookbinder.render.print;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDestinationDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.bookbinder.render.Markup;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code bookbinder build --pdf}: prints the print edition with Chromium, then prints it again with what only
 * the first print can tell. Chromium has no {@code target-counter()} for page numbers in the contents, and
 * treats {@code break-before: right} as a plain page break, so the second pass writes each entry's page number
 * into the contents and, when two-sided, puts a blank page before each chapter that would open on a left-hand
 * page. Pages are read back from the PDF's named destinations (Chromium makes one for every linked id).
 * The passes repeat until the PDF agrees with what is written in it (two, for any ordinary book).
 *
 * <p>The HTML edition itself is not changed: its contents have no page numbers, because a browser's print
 * settings decide them.
 */
public final class PdfEdition {
    private static final int MAX_PASSES = 4;
    private static final Pattern PDF_DATE = Pattern.compile("/(CreationDate|ModDate) \\(D:\\d{14}");

    private PdfEdition() {
    }

    /**
     * Prints {@code printHtml} to {@code pdf}.
     *
     * @param modified the book's modification time, written as the PDF's dates so that builds are reproducible
     * @throws IOException when Chromium fails, or when the passes do not settle
     */
    public static void print(String printHtml, boolean twoSided, Instant modified, Path pdf, ChromiumPrinter chromium) throws IOException {
        Path work = Files.createTempDirectory("bookbinder-pdf-");
        try {
            Document original = Jsoup.parse(printHtml);
            List<String> entries = original.select("nav.toc a[href^=#]").eachAttr("href").stream().map(h -> h.substring(1)).toList();
            // where each chapter (and the colophon) opens: its title, which the contents link to
            List<String> openings = original.select("main > section.chapter > h1[id]:first-of-type, footer.colophon > h2[id]").eachAttr("id");
            Set<String> blanksBefore = new LinkedHashSet<>();
            Map<String, Integer> numbers = Map.of();
            for (int pass = 1; pass <= MAX_PASSES; pass++) {
                Document doc = original.clone();
                apply(doc, blanksBefore, numbers);
                Path html = work.resolve("pass-" + pass + ".html");
                Files.writeString(html, Markup.htmlDocument(doc), StandardCharsets.UTF_8);
                Path out = work.resolve("pass-" + pass + ".pdf");
                chromium.print(html, out);
                Map<String, Integer> pages = pages(out, Stream.concat(entries.stream(), openings.stream()).toList());
                Set<String> blanks = new LinkedHashSet<>(blanksBefore);
                if (twoSided) {
                    for (String id : openings) {
                        Integer page = pages.get(id);
                        if (page != null && page % 2 == 0) {
                            blanks.add(id);
                        }
                    }
                }
                Map<String, Integer> found = new LinkedHashMap<>();
                for (String id : entries) {
                    if (pages.containsKey(id)) {
                        found.put(id, pages.get(id));
                    }
                }
                if (blanks.equals(blanksBefore) && found.equals(numbers)) {
                    Files.write(pdf, fixDates(Files.readAllBytes(out), modified));
                    return;
                }
                blanksBefore = blanks;
                numbers = found;
            }
            throw new IOException("the page numbers did not settle after " + MAX_PASSES + " prints");
        } finally {
            ChromiumPrinter.deleteTree(work);
        }
    }

    /** Writes the page numbers into the contents and the blank pages before the chapters that need them. */
    private static void apply(Document doc, Set<String> blanksBefore, Map<String, Integer> numbers) {
        for (Element a : doc.select("nav.toc a[href^=#]")) {
            Integer n = numbers.get(a.attr("href").substring(1));
            if (n != null) {
                a.prependElement("span").addClass("toc-page").text(String.valueOf(n));
            }
        }
        for (String id : blanksBefore) {
            Element opening = doc.getElementById(id);
            Element block = opening == null ? null : opening.closest("section.chapter, footer.colophon");
            if (block != null) {
                block.before(new Element("div").addClass("blank-page").attr("aria-hidden", "true"));
            }
        }
    }

    /** The 1-based page of each of {@code ids} in {@code pdf}, from its named destinations. */
    static Map<String, Integer> pages(Path pdf, List<String> ids) throws IOException {
        Map<String, Integer> pages = new LinkedHashMap<>();
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            PDDocumentNameDestinationDictionary dests = d.getDocumentCatalog().getDests();
            for (String id : ids) {
                PDDestination dest = dests == null ? null : dests.getDestination(id);
                if (dest == null && d.getDocumentCatalog().getNames() != null && d.getDocumentCatalog().getNames().getDests() != null) {
                    dest = d.getDocumentCatalog().getNames().getDests().getValue(id);
                }
                if (dest instanceof PDPageDestination p && p.retrievePageNumber() >= 0) {
                    pages.put(id, p.retrievePageNumber() + 1);
                }
            }
        }
        return pages;
    }

    /** Chromium dates its PDFs by the clock; the book's date goes in their place (same length, offsets kept). */
    static byte[] fixDates(byte[] pdf, Instant modified) {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", java.util.Locale.ROOT).withZone(ZoneOffset.UTC).format(modified);
        Matcher m = PDF_DATE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, "/" + m.group(1) + " (D:" + stamp);
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
