package org.bookbinder.preview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests written byte for byte on a socket, so that a path reaches the server exactly as given (an HTTP client
 * would normalise {@code ..} or refuse a backslash before sending).
 */
final class RawHttp {
    record Response(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private RawHttp() {
    }

    static Response get(int port, String rawPath) throws IOException {
        return request(port, "GET", rawPath, "127.0.0.1:" + port);
    }

    /** One request with {@code Connection: close}; for an event stream, only what has come by the first event. */
    static Response request(int port, String method, String rawPath, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            String request = method + " " + rawPath + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            byte[] body;
            if (headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
                body = firstEvent(in);
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(in.readAllBytes());
            } else {
                body = in.readAllBytes();
            }
            return new Response(status, headers, method.equals("HEAD") ? new byte[0] : body);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; (b = in.read()) >= 0; ) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1).strip();
    }

    /** The chunked body of an event stream up to the end of its first event ({@code data: …} and a blank line). */
    private static byte[] firstEvent(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine.strip(), 16);
            if (size == 0) {
                return seen.toByteArray();
            }
            seen.write(in.readNBytes(size));
            readLine(in);
            String s = seen.toString(StandardCharsets.UTF_8);
            int data = s.indexOf("data: ");
            if (data >= 0 && s.indexOf("\n\n", data) >= 0) {
                return seen.toByteArray();
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static byte[] dechunk(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length) {
            int lineEnd = indexOf(raw, i);
            int size = Integer.parseInt(new String(raw, i, lineEnd - i, StandardCharsets.ISO_8859_1).strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(raw, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] raw, int from) {
        for (int i = from; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        return raw.length;
    }
}
