package org.bookbinder.cli;

/** The command line's exit statuses. */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** The book or the file has errors (or warnings, with --strict). */
    public static final int DIAGNOSTICS = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** An unexpected failure: a bug, reported in one line (details with --debug). */
    public static final int INTERNAL = 3;

    private ExitCode() {
    }
}
