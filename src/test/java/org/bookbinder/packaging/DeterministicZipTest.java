package org.bookbinder.packaging;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The EPUB's zip, deflated in parallel: the same bytes as java.util.zip writes for the same entries, and readable. */
class DeterministicZipTest {
    private static final Instant MODIFIED = Instant.parse("2026-11-25T00:00:00Z");

    private static Map<String, byte[]> entries() {
        Random random = new Random(7);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/container.xml", "<container/>".getBytes(StandardCharsets.UTF_8));
        entries.put("EPUB/empty.txt", new byte[0]);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            text.append("word").append(random.nextInt(500)).append(i % 17 == 0 ? "\n" : " ");
        }
        entries.put("EPUB/text/01-long.xhtml", text.toString().getBytes(StandardCharsets.UTF_8));
        byte[] noise = new byte[300_000];
        random.nextBytes(noise);
        entries.put("EPUB/images/noise.bin", noise);
        entries.put("EPUB/text/ünïcode-name.xhtml", "<p>–</p>".getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    /** What the packager wrote before entries were deflated in parallel: java.util.zip, entry by entry. */
    private static byte[] withZipOutputStream(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalDateTime time = LocalDateTime.ofInstant(MODIFIED, ZoneOffset.UTC);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(DeterministicZip.LEVEL);
            byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
            ZipEntry m = new ZipEntry("mimetype");
            m.setMethod(ZipEntry.STORED);
            m.setSize(mimetype.length);
            m.setCompressedSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            m.setCrc(crc.getValue());
            m.setTimeLocal(time);
            zip.putNextEntry(m);
            zip.write(mimetype);
            zip.closeEntry();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(ZipEntry.DEFLATED);
                entry.setTimeLocal(time);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] withDeterministicZip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeterministicZip zip = new DeterministicZip(out, MODIFIED)) {
            zip.mimetype();
            entries.forEach(zip::add);
        }
        return out.toByteArray();
    }

    @Test
    void writesTheBytesJavaUtilZipWrites() throws IOException {
        Map<String, byte[]> entries = entries();
        assertThat(withDeterministicZip(entries)).isEqualTo(withZipOutputStream(entries));
    }

    @Test
    void readsBackEntryByEntryInTheOrderGiven() throws IOException {
        Map<String, byte[]> entries = entries();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(withDeterministicZip(entries)))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                byte[] data = in.readAllBytes();
                if (e.getName().equals("mimetype")) {
                    assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
                    assertThat(new String(data, StandardCharsets.US_ASCII)).isEqualTo("application/epub+zip");
                } else {
                    assertThat(data).as(e.getName()).isEqualTo(entries.get(e.getName()));
                }
            }
        }
        List<String> expected = new ArrayList<>(List.of("mimetype"));
        expected.addAll(entries.keySet());
        assertThat(names).isEqualTo(expected);
    }
}
