package org.bookbinder.preview;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files a save in which means a rebuild: {@code book.yaml}, everything under {@code chapters/} and
 * {@code styles/} (images too), and the files book.yaml names (glossary, bibliography, a {@code .csl} style,
 * listed chapters) wherever they are. Read from book.yaml leniently, on every change: a book.yaml that does not
 * parse still leaves book.yaml and the two folders watched, and the build reports what is wrong with it.
 * Editors' backup, swap and lock files, hidden files and the output directory never count.
 *
 * @param id    book.yaml's {@code id}, when it reads, for finding the output of an earlier build
 * @param files single files that count (absolute, normalised)
 * @param trees folders whose whole content counts
 */
record WatchedFiles(Optional<String> id, Set<Path> files, Set<Path> trees, Path outDir) {
    static final List<String> TREES = List.of("chapters", "styles");

    WatchedFiles {
        files = Set.copyOf(files);
        trees = Set.copyOf(trees);
    }

    static WatchedFiles of(Path bookDir, Path outDir) {
        Path book = bookDir.toAbsolutePath().normalize();
        Set<Path> files = new TreeSet<>();
        Set<Path> trees = new TreeSet<>();
        Path yaml = book.resolve("book.yaml");
        files.add(yaml);
        for (String tree : TREES) {
            trees.add(book.resolve(tree));
        }
        Optional<String> id = Optional.empty();
        Map<?, ?> config = readLeniently(yaml);
        if (config.get("id") instanceof String s && !s.isBlank()) {
            id = Optional.of(s.strip());
        }
        List<Object> named = new ArrayList<>();
        named.add(config.get("glossary"));
        named.add(config.get("bibliography"));
        if (config.get("citation-style") instanceof String style && style.toLowerCase(Locale.ROOT).endsWith(".csl")) {
            named.add(style);
        }
        if (config.get("chapters") instanceof List<?> chapters) {
            named.addAll(chapters);
        }
        for (Object o : named) {
            if (o instanceof String s && !s.isBlank()) {
                try {
                    files.add(book.resolve(s.strip()).normalize());
                } catch (RuntimeException invalidPath) {
                    // the build reports it
                }
            }
        }
        return new WatchedFiles(id, files, trees, outDir.toAbsolutePath().normalize());
    }

    /** Whether a change to {@code path} (absolute) calls for a rebuild. */
    boolean concerns(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (p.startsWith(outDir) || p.getFileName() == null || scratch(p.getFileName().toString())) {
            return false;
        }
        return files.contains(p) || trees.stream().anyMatch(t -> p.startsWith(t) && !p.equals(t) && !hiddenBelow(t, p));
    }

    /** The folders to watch: the parents of the single files, and every folder in the trees. */
    Set<Path> directories() {
        Set<Path> dirs = new TreeSet<>();
        for (Path f : files) {
            if (f.getParent() != null) {
                dirs.add(f.getParent());
            }
        }
        for (Path tree : trees) {
            if (tree.getParent() != null) {
                dirs.add(tree.getParent());            // to see the folder itself appear
            }
            if (Files.isDirectory(tree)) {
                try (Stream<Path> walk = Files.walk(tree)) {
                    walk.filter(Files::isDirectory).filter(d -> !d.startsWith(outDir) && !hiddenBelow(tree, d)).forEach(dirs::add);
                } catch (IOException | RuntimeException e) {
                    dirs.add(tree);
                }
            }
        }
        dirs.removeIf(d -> !Files.isDirectory(d));
        return dirs;
    }

    /** An editor's temporary, backup, swap or lock file, or a hidden file. */
    static boolean scratch(String name) {
        return name.startsWith(".") || name.startsWith("#") || name.endsWith("~") || name.equals("4913")
                || name.endsWith(".swp") || name.endsWith(".swx") || name.endsWith(".tmp") || name.endsWith(".crswap");
    }

    private static boolean hiddenBelow(Path tree, Path p) {
        for (Path name : tree.relativize(p)) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Map<?, ?> readLeniently(Path yaml) {
        try {
            Object o = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(yaml, StandardCharsets.UTF_8));
            return o instanceof Map<?, ?> m ? m : Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }
}
