package org.bookbinder.packaging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's output as a transaction: files are written into a private temporary folder inside the output
 * directory, checked there, and only then moved over the previous files, each with one atomic rename. A failed
 * or abandoned build deletes the folder and leaves the previous good output untouched.
 */
public final class OutputFiles implements AutoCloseable {
    private final Path outDir;
    private final Path staging;
    private final List<String> names = new ArrayList<>();
    private boolean committed;

    private OutputFiles(Path outDir, Path staging) {
        this.outDir = outDir;
        this.staging = staging;
    }

    /** Creates the output directory if needed and a staging folder in it. */
    public static OutputFiles begin(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        return new OutputFiles(outDir, Files.createTempDirectory(outDir, ".bookbinder-"));
    }

    /** Where a file of this name is being written before the commit. */
    public Path staged(String name) {
        if (!names.contains(name)) {
            names.add(name);
        }
        return staging.resolve(name);
    }

    public OutputStream create(String name) throws IOException {
        return Files.newOutputStream(staged(name));
    }

    /** Moves every staged file into the output directory, replacing what was there. */
    public List<Path> commit() throws IOException {
        List<Path> written = new ArrayList<>();
        for (String name : names) {
            Path target = outDir.resolve(name);
            try {
                Files.move(staging.resolve(name), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
            }
            written.add(target);
        }
        committed = true;
        return written;
    }

    /** Deletes the staging folder and anything left in it (everything, unless committed). */
    @Override
    public void close() throws IOException {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public boolean committed() {
        return committed;
    }
}
