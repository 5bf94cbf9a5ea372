package org.bookbinder.render;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
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
        try (Writer out = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16)) {
            HTML.process(name, new Context(Locale.ROOT, variables), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.bytes();
    }

    /** Bytes into one array of about the expected size, handed over without a copy (a big book's are tens of megabytes). */
    private static final class Utf8Sink extends OutputStream {
        private byte[] buf;
        private int count;

        Utf8Sink(int size) {
            buf = new byte[Math.max(size, 1 << 16)];
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        private void ensure(int more) {
            if (count + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }

        ByteBuffer bytes() {
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
