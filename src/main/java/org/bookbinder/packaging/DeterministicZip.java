package org.bookbinder.packaging;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an OCF zip that is byte-identical for identical input: {@code mimetype} first and stored, then the
 * entries in the order given, each with the same timestamp (the book's modification time, in UTC, set as a local
 * date-time so the machine's time zone does not enter the file) and no extra fields.
 */
final class DeterministicZip implements AutoCloseable {
    /**
     * The earliest time a zip entry can carry without an extended-timestamp extra field: Java writes one (in the
     * machine's time zone) for 1980-01-01T00:00, and EPUBCheck forbids extra fields on {@code mimetype}.
     */
    private static final LocalDateTime EARLIEST = LocalDateTime.of(1980, 1, 2, 0, 0, 0);

    private final ZipOutputStream zip;
    private final LocalDateTime time;

    DeterministicZip(OutputStream out, Instant modified) {
        LocalDateTime utc = LocalDateTime.ofInstant(modified, ZoneOffset.UTC).withNano(0);
        this.time = utc.isBefore(EARLIEST) ? EARLIEST : utc;
        this.zip = new ZipOutputStream(out);
        this.zip.setLevel(Deflater.DEFAULT_COMPRESSION);
    }

    /** The {@code mimetype} entry; must be written first. */
    void mimetype() throws IOException {
        byte[] data = "application/epub+zip".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ZipEntry entry = new ZipEntry("mimetype");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    void add(String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
