package org.bookbinder.render;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

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

    private static final AtomicBoolean WARMING = new AtomicBoolean();

    private Templates() {
    }

    /**
     * Makes the engines' configurations (dialects, processors, expression parsers: tens of milliseconds, the first
     * time a template is processed) on a thread of its own, while the book is read; once a process. A failure there
     * is left for the first real use to report.
     */
    public static void warmUp() {
        if (WARMING.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    for (TemplateEngine engine : List.of(XML, HTML, LIBRARY, CSS)) {
                        engine.getConfiguration();
                    }
                } catch (RuntimeException | LinkageError e) {
                    // the first template processed meets it again, where it is reported
                }
            }, "bookbinder-templates-warm-up");
            t.setDaemon(true);
            t.start();
        }
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
