package org.bookbinder.render;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The Thymeleaf engines for every generated document. Templates are natural templates under
 * {@code src/main/resources/org/bookbinder/templates/}: {@code epub/} in XML mode (XHTML, OPF, NCX-free nav),
 * {@code print/} in HTML mode. Parsed templates are cached for the life of the process. Thread-safe.
 */
public final class Templates {
    private static final TemplateEngine XML = engine(TemplateMode.XML, "epub/");
    private static final TemplateEngine HTML = engine(TemplateMode.HTML, "print/");
    private static final TemplateEngine LIBRARY = engine(TemplateMode.XML, "library/");
    private static final TemplateEngine CSS = engine(TemplateMode.CSS, "print/");

    private Templates() {
    }

    /** Renders {@code templates/epub/<name>} in XML mode. */
    public static String epub(String name, Map<String, Object> variables) {
        return process(XML, name, variables);
    }

    /** Renders {@code templates/print/<name>} in HTML mode. */
    public static String print(String name, Map<String, Object> variables) {
        return process(HTML, name, variables);
    }

    /** Renders {@code templates/library/<name>} (library records such as the OPDS entry) in XML mode. */
    public static String library(String name, Map<String, Object> variables) {
        return process(LIBRARY, name, variables);
    }

    /** Renders the stylesheet {@code templates/print/<name>} in CSS mode. */
    public static String printCss(String name, Map<String, Object> variables) {
        return process(CSS, name, variables);
    }

    /**
     * Renders {@code templates/print/<name>} in HTML mode as UTF-8 bytes, for a document too big to be held as text
     * first; {@code sizeHint} is about how many bytes it will be.
     */
    public static ByteBuffer printUtf8(String name, Map<String, Object> variables, int sizeHint) {
        Utf8Sink sink = new Utf8Sink(sizeHint);
        HTML.process(name, new Context(Locale.ROOT, variables), sink);
        return sink.bytes();
    }

    /**
     * A writer of UTF-8 into one array of about the expected size, handed over without a copy (a big book's edition is
     * tens of megabytes). Each string is encoded whole, by {@link String#getBytes}; a surrogate pair split between two
     * writes is joined first.
     */
    private static final class Utf8Sink extends Writer {
        private byte[] buf;
        private int count;
        private char pendingHigh;

        Utf8Sink(int size) {
            buf = new byte[Math.max(size, 1 << 16)];
        }

        @Override
        public void write(String s, int off, int len) {
            if (len == 0) {
                return;
            }
            if (pendingHigh != 0 || Character.isHighSurrogate(s.charAt(off + len - 1))) {
                write(s.substring(off, off + len).toCharArray(), 0, len);
                return;
            }
            put((off == 0 && len == s.length() ? s : s.substring(off, off + len)).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void write(char[] chars, int off, int len) {
            if (len == 0) {
                return;
            }
            StringBuilder text = new StringBuilder(len + 1);
            if (pendingHigh != 0) {
                text.append(pendingHigh);
                pendingHigh = 0;
            }
            text.append(chars, off, len);
            char last = text.charAt(text.length() - 1);
            if (Character.isHighSurrogate(last)) {
                pendingHigh = last;
                text.setLength(text.length() - 1);
            }
            put(text.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void write(int c) {
            write(new char[] {(char) c}, 0, 1);
        }

        private void put(byte[] b) {
            if (count + b.length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + b.length));
            }
            System.arraycopy(b, 0, buf, count, b.length);
            count += b.length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        ByteBuffer bytes() {
            if (pendingHigh != 0) {
                put(String.valueOf(pendingHigh).getBytes(StandardCharsets.UTF_8));     // as the JDK's encoder would: '?'
                pendingHigh = 0;
            }
            return ByteBuffer.wrap(buf, 0, count).slice().asReadOnlyBuffer();
        }
    }

    private static String process(TemplateEngine engine, String name, Map<String, Object> variables) {
        Buffers.BufferWriter out = new Buffers.BufferWriter();
        engine.process(name, new Context(Locale.ROOT, variables), out);
        return out.text();
    }

    private static TemplateEngine engine(TemplateMode mode, String folder) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("org/bookbinder/templates/" + folder);
        resolver.setTemplateMode(mode);
        resolver.setForceTemplateMode(true);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
