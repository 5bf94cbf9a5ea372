package org.bookbinder;

/**
 * What a build is doing, for a progress display: the stage it is in and, in stages that work chapter by chapter,
 * each chapter done. Called from the build's threads; an implementation must be thread-safe and quick.
 */
public interface Progress {
    /** No display. */
    Progress NONE = new Progress() {
        @Override
        public void stage(String name, int chapters) {
        }

        @Override
        public void chapterDone() {
        }
    };

    /** A stage begins ({@code load}, {@code annotate}, {@code render}, {@code package}, {@code check}…) over {@code chapters} chapters (0: not known yet). */
    void stage(String name, int chapters);

    /** One more chapter of the current stage is done. */
    void chapterDone();
}
