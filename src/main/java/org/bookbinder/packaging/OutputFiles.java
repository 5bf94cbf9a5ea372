package org.bookbinder.packaging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
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

    /**
     * Moves every staged file into the output directory, replacing what was there. All or nothing: a folder in
     * the way of a file fails the commit before anything moves, and if a move fails half-way, the files already
     * replaced are put back from the copies kept in the staging folder.
     */
    public List<Path> commit() throws IOException {
        for (String name : names) {
            if (Files.isDirectory(outDir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                throw new NotDirectoryException(outDir.resolve(name) + " is a folder; the output file cannot replace it");
            }
        }
        Path backups = Files.createDirectories(staging.resolve(".previous"));
        List<String> replaced = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        try {
            for (String name : names) {
                Path target = outDir.resolve(name);
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    move(target, backups.resolve(name));
                    replaced.add(name);
                }
                move(staging.resolve(name), target);
                moved.add(name);
            }
        } catch (IOException e) {
            for (String name : moved) {
                Files.deleteIfExists(outDir.resolve(name));
            }
            for (String name : replaced) {
                move(backups.resolve(name), outDir.resolve(name));
            }
            throw e;
        }
        committed = true;
        return names.stream().map(outDir::resolve).toList();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
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
