package org.bookbinder.packaging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
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
 *
 * <p>One build at a time writes into an output directory: it holds a lock on {@value #LOCK} there from
 * {@link #begin} to {@link #close} (a second build fails with {@link Busy}). A build killed before it commits
 * leaves its staging folder behind; a build killed while committing leaves a {@value #COMMITTING} mark in it. The
 * next build, holding the lock, deletes the first kind and finishes the second (its files were all checked), so the
 * output directory always ends up as one build's whole output.
 */
public final class OutputFiles implements AutoCloseable {
    static final String LOCK = ".bookbinder.lock";
    static final String STAGING_PREFIX = ".bookbinder-";
    static final String COMMITTING = ".committing";
    private final Path outDir;
    private final Path staging;
    private final Lock lock;
    private final List<String> names = new ArrayList<>();
    private boolean committed;

    private OutputFiles(Path outDir, Path staging, Lock lock) {
        this.outDir = outDir;
        this.staging = staging;
        this.lock = lock;
    }

    /** Another build holds the output directory. */
    public static final class Busy extends IOException {
        Busy(Path outDir) {
            super("another build is writing into " + outDir);
        }
    }

    /**
     * Creates the output directory if needed, takes its lock, tidies what killed builds left (see the class comment)
     * and makes a staging folder.
     */
    public static OutputFiles begin(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Lock lock = Lock.take(outDir);
        try {
            recover(outDir);
            return new OutputFiles(outDir, Files.createTempDirectory(outDir, STAGING_PREFIX), lock);
        } catch (IOException | RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** Finishes the commit a killed build began, and deletes the staging folders of builds killed before. */
    private static void recover(Path outDir) throws IOException {
        List<Path> left;
        try (Stream<Path> list = Files.list(outDir)) {
            left = list.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)
                    && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path stale : left) {
            Path mark = stale.resolve(COMMITTING);
            if (Files.isRegularFile(mark)) {
                for (String name : Files.readAllLines(mark)) {
                    if (!name.isEmpty() && Files.exists(stale.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                        move(stale.resolve(name), outDir.resolve(name));
                    }
                }
            }
            deleteTree(stale);
        }
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
        // from here the staged files are the output: a build killed while moving them is finished by the next one
        Files.write(staging.resolve(COMMITTING), names);
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

    /** Deletes the staging folder and anything left in it (everything, unless committed), and lets the lock go. */
    @Override
    public void close() throws IOException {
        try {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
        } finally {
            lock.release();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The lock on {@value #LOCK}. The file is deleted when the lock is let go, so a build that opened it just before
     * may lock a file no longer there: a token written into the locked file and read back by its name tells.
     */
    private record Lock(Path file, FileChannel channel, FileLock lock) {
        static Lock take(Path outDir) throws IOException {
            Path file = outDir.resolve(LOCK);
            for (int attempt = 0; attempt < 5; attempt++) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;                    // held by another build in this JVM
                }
                if (lock == null) {
                    channel.close();
                    throw new Busy(outDir);
                }
                byte[] token = (ProcessHandle.current().pid() + "-" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(token), 0);
                channel.force(false);
                try {
                    if (Arrays.equals(Files.readAllBytes(file), token)) {
                        return new Lock(file, channel, lock);
                    }
                } catch (NoSuchFileException e) {
                    // deleted by the build that held it: try again
                }
                lock.release();
                channel.close();
            }
            throw new Busy(outDir);
        }

        void release() throws IOException {
            try {
                Files.deleteIfExists(file);
            } finally {
                lock.release();
                channel.close();
            }
        }
    }

    public boolean committed() {
        return committed;
    }
}
