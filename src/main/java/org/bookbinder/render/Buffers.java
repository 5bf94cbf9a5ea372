package org.bookbinder.render;

import java.io.Writer;

/**
 * A text buffer per thread, for serialising documents: each chapter's markup is tens of kilobytes, and a fresh
 * buffer grown to that size for each one would copy it several times over. A buffer that grew past
 * {@value #KEEP} characters is not kept.
 */
final class Buffers {
    private static final int KEEP = 1 << 22;
    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(1 << 16));

    private Buffers() {
    }

    /** The thread's buffer, empty; give it back with {@link #release}. */
    static StringBuilder borrow() {
        StringBuilder sb = BUFFER.get();
        BUFFER.remove();                            // a nested borrow gets a buffer of its own
        sb.setLength(0);
        return sb;
    }

    /** What {@code sb} holds, and {@code sb} back to the thread for the next document. */
    static String release(StringBuilder sb) {
        String text = sb.toString();
        if (sb.capacity() <= KEEP) {
            sb.setLength(0);
            BUFFER.set(sb);
        }
        return text;
    }

    /** A writer into a borrowed buffer, for Thymeleaf. */
    static final class BufferWriter extends Writer {
        private final StringBuilder sb = borrow();

        @Override
        public void write(char[] chars, int off, int len) {
            sb.append(chars, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            sb.append(s, off, off + len);
        }

        @Override
        public void write(int c) {
            sb.append((char) c);
        }

        @Override
        public Writer append(CharSequence s) {
            sb.append(s);
            return this;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        /** The text written, and the buffer back to the thread. */
        String text() {
            return release(sb);
        }
    }
}
