package org.bookbinder;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to build.
 *
 * @param outDir          where the outputs go; empty means {@code <book>/build}
 * @param check           run EPUBCheck on the EPUB before it replaces the previous one (default true)
 * @param strict          warnings fail the build too
 * @param sourceDateEpoch SOURCE_DATE_EPOCH, if set: the package's modification time, for reproducible builds
 * @param pdf             also print the print edition to {@code <id>.pdf} with a local Chromium (default false)
 */
public record BuildOptions(Optional<Path> outDir, boolean check, boolean strict, Optional<Long> sourceDateEpoch,
                           boolean pdf) {

    /** Defaults: output in {@code <book>/build}, checked, not strict, no SOURCE_DATE_EPOCH, no PDF. */
    public static BuildOptions defaults() {
        return new BuildOptions(Optional.empty(), true, false, Optional.empty(), false);
    }

    public BuildOptions withOutDir(Path dir) {
        return new BuildOptions(Optional.of(dir), check, strict, sourceDateEpoch, pdf);
    }

    public BuildOptions withCheck(boolean value) {
        return new BuildOptions(outDir, value, strict, sourceDateEpoch, pdf);
    }

    public BuildOptions withStrict(boolean value) {
        return new BuildOptions(outDir, check, value, sourceDateEpoch, pdf);
    }

    public BuildOptions withSourceDateEpoch(Optional<Long> value) {
        return new BuildOptions(outDir, check, strict, value, pdf);
    }

    public BuildOptions withPdf(boolean value) {
        return new BuildOptions(outDir, check, strict, sourceDateEpoch, value);
    }
}
