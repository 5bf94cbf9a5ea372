package org.bookbinder.preview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bookbinder.diagnostics.Diagnostic;
import org.bookbinder.diagnostics.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The preview's HTTP server (the JDK's {@code com.sun.net.httpserver}). Serves, for GET and HEAD only:
 * <ul>
 *   <li>{@code /}: the preview page, and {@code /preview/…}: its scripts, styles and the bundled engines, from
 *       the jar's {@code org/bookbinder/preview/page/};</li>
 *   <li>{@code /book/…}: the files of the output directory (the EPUB, the print edition), nothing else;</li>
 *   <li>{@code /api/state}: the last build, its diagnostics and the book shown, as JSON;</li>
 *   <li>{@code /api/source?file=F&line=N}: the lines around line N of a book file that a diagnostic names;</li>
 *   <li>{@code /events}: Server-Sent Events, one {@code state} event (the JSON of {@code /api/state}) per change.</li>
 * </ul>
 * Every path goes through {@link ServedPath}. Bound to the loopback interface, it also refuses requests whose
 * {@code Host} is not a loopback name (a web page elsewhere cannot read the book by DNS rebinding). The page's
 * Content-Security-Policy lets it fetch only from this server.
 */
final class PreviewServer {
    static final String PAGE = "/org/bookbinder/preview/page/";
    /** Everything from this server; book content (blob: documents of the reader) may not run scripts. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline' blob: data:; "
            + "img-src 'self' blob: data:; font-src 'self' blob: data:; frame-src 'self' blob:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'self'";
    /** The output's own documents, opened directly: no scripts, nothing from elsewhere. */
    static final String BOOK_POLICY = "default-src 'self' data: blob:; script-src 'none'; style-src 'self' 'unsafe-inline' data:; "
            + "object-src 'none'; frame-ancestors 'self'";
    private static final long KEEP_ALIVE_MILLIS = 15_000;
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Preview preview;
    private final Path bookDir;
    private final Path outDir;
    private final HttpServer server;
    private final ExecutorService threads;
    private final boolean loopback;

    PreviewServer(Preview preview, Path bookDir, Path outDir, InetSocketAddress address) throws IOException {
        this.preview = preview;
        this.bookDir = bookDir;
        this.outDir = outDir;
        this.server = HttpServer.create(address, 0);
        this.loopback = address.getAddress() == null || address.getAddress().isLoopbackAddress();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bookbinder-preview-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    URI uri() {
        InetSocketAddress a = server.getAddress();
        InetAddress ip = a.getAddress();
        String host = ip.isAnyLocalAddress() ? "127.0.0.1" : ip.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Headers headers = exchange.getResponseHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cross-Origin-Resource-Policy", "same-origin");
            if (loopback && !loopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
                text(exchange, 403, "This preview answers only to 127.0.0.1 and localhost.");
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                headers.set("Allow", "GET, HEAD");
                text(exchange, 405, "The preview only serves files: GET or HEAD.");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/") || path.equals("/index.html")) {
                resource(exchange, "index.html");
            } else if (path.startsWith("/preview/")) {
                resource(exchange, path.substring("/preview/".length()));
            } else if (path.startsWith("/book/")) {
                bookFile(exchange, path.substring("/book/".length()));
            } else if (path.equals("/api/state")) {
                send(exchange, 200, MediaTypes.JSON, JSON.writeValueAsBytes(json(preview.state())));
            } else if (path.equals("/api/source")) {
                source(exchange);
            } else if (path.equals("/events") && method.equals("GET")) {
                events(exchange);
            } else {
                notFound(exchange);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the browser went away, or the preview is stopping: nothing to tell anyone
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf(']')) {
            name = name.substring(0, colon);
        }
        return LOOPBACK_NAMES.contains(name);
    }

    private void resource(HttpExchange exchange, String raw) throws IOException {
        Optional<String> name = ServedPath.decode(raw);
        URL url = name.map(n -> PreviewServer.class.getResource(PAGE + n)).orElse(null);
        if (url == null) {
            notFound(exchange);
            return;
        }
        URLConnection connection = url.openConnection();
        boolean file = url.getProtocol().equals("file") && Files.isRegularFile(Path.of(URI.create(url.toString())));
        boolean entry = connection instanceof JarURLConnection jar && !jar.getJarEntry().isDirectory();
        if (!file && !entry) {
            notFound(exchange);
            return;
        }
        byte[] body;
        try (InputStream in = connection.getInputStream()) {
            body = in.readAllBytes();
        }
        String type = MediaTypes.of(name.get());
        if (type.equals(MediaTypes.HTML)) {
            exchange.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        send(exchange, 200, type, body);
    }

    private void bookFile(HttpExchange exchange, String raw) throws IOException {
        Optional<Path> file = ServedPath.resolve(outDir, raw);
        if (file.isEmpty()) {
            notFound(exchange);
            return;
        }
        String type = MediaTypes.of(file.get().getFileName().toString());
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Cache-Control", "no-store");
        if (type.equals(MediaTypes.HTML)) {
            headers.set("Content-Security-Policy", BOOK_POLICY);
        }
        long size = Files.size(file.get());
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(file.get(), out);
        }
    }

    /** The lines around a line of a file that one of the last build's diagnostics names, inside the book. */
    private void source(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String file = query.getOrDefault("file", "");
        int line;
        try {
            line = Integer.parseInt(query.getOrDefault("line", "1"));
        } catch (NumberFormatException e) {
            line = 1;
        }
        Optional<Path> path = sourceFile(preview.state(), file);
        if (path.isEmpty()) {
            notFound(exchange);
            return;
        }
        SourceExcerpt excerpt = SourceExcerpt.read(file, path.get(), line);
        ObjectNode o = JSON.createObjectNode();
        o.put("file", excerpt.file());
        o.put("line", excerpt.line());
        o.put("first", excerpt.first());
        ArrayNode lines = o.putArray("lines");
        excerpt.lines().forEach(lines::add);
        send(exchange, 200, MediaTypes.JSON, JSON.writeValueAsBytes(o));
    }

    /** A book file named by a diagnostic of {@code state}, outside the output directory; empty otherwise. */
    private Optional<Path> sourceFile(PreviewState state, String file) {
        if (state.diagnostics().stream().noneMatch(d -> d.file().equals(file))) {
            return Optional.empty();
        }
        return ServedPath.resolve(bookDir, ServedPath.encode(file)).filter(p -> !p.startsWith(realOrSelf(outDir)));
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private void events(HttpExchange exchange) throws IOException, InterruptedException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", MediaTypes.EVENT_STREAM);
        headers.set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        PreviewState seen = null;
        while (!preview.closed()) {
            PreviewState now = seen == null ? preview.state() : preview.awaitChange(seen, KEEP_ALIVE_MILLIS);
            if (preview.closed()) {
                break;
            }
            if (now != seen) {
                out.write(("event: state\ndata: " + JSON.writeValueAsString(json(now)) + "\n\n").getBytes(StandardCharsets.UTF_8));
                seen = now;
            } else {
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
        }
    }

    /** The state as the page reads it. */
    ObjectNode json(PreviewState state) {
        ObjectNode o = JSON.createObjectNode();
        o.put("build", state.build());
        o.put("building", state.building());
        o.put("succeeded", state.succeeded());
        o.put("millis", state.millis());
        o.put("errors", state.count(Severity.ERROR));
        o.put("warnings", state.count(Severity.WARNING));
        if (state.book().isPresent()) {
            PreviewState.Book b = state.book().get();
            ObjectNode book = o.putObject("book");
            book.put("build", b.build());
            book.put("epub", "/book/" + ServedPath.encode(b.epub()) + "?build=" + b.build());
            book.put("html", "/book/" + ServedPath.encode(b.html()) + "?build=" + b.build());
        } else {
            o.putNull("book");
        }
        ObjectNode timings = o.putObject("timings");
        state.timings().forEach(timings::put);
        ArrayNode list = o.putArray("diagnostics");
        for (Diagnostic d : state.diagnostics()) {
            ObjectNode n = list.addObject();
            n.put("severity", d.severity().label());
            n.put("code", d.code());
            n.put("file", d.file());
            n.put("line", d.line());
            n.put("column", d.column());
            n.put("message", d.message());
            n.put("text", d.format());
            n.put("source", sourceFile(state, d.file()).isPresent());
        }
        return o;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new TreeMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            ServedPath.percentDecode(value).ifPresent(v -> q.putIfAbsent(key, v));
        }
        return q;
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        text(exchange, 404, "Not found.");
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, MediaTypes.TEXT, (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().putIfAbsent("Cache-Control", java.util.List.of("no-store"));
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
