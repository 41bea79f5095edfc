package org.awardinghub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a request's bytes exactly as given, over a socket of its own, for what a well-behaved client refuses to send:
 * an address it would encode or reject ({@code %ZZ}, a raw control character), a header value holding bytes that are
 * not text, a method of any name, a body that contradicts its declared type. Reads the whole answer (the request asks
 * for {@code Connection: close}).
 */
public final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MILLIS = 60_000;

    /** The answer as it came: status, headers (names in lower case, first value), body (de-chunked). */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as JSON, or a missing node when it is none. */
        public JsonNode json() {
            try {
                return body.length == 0 ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + headers + " " + (text.length() > 2000 ? text.substring(0, 2000) + "..." : text);
        }
    }

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /**
     * A request of HTTP/1.1 with the headers given, {@code Host}, {@code Content-Length} when there is a body and
     * {@code Connection: close}. Header values are sent byte for byte as ISO-8859-1, as HTTP defines them.
     */
    public static byte[] request(String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            bytes.writeBytes(body);
        }
        return bytes.toByteArray();
    }

    public Response send(String method, String target, Map<String, String> headers, byte[] body) {
        return send(request(method, target, headers, body), "HEAD".equalsIgnoreCase(method));
    }

    /** Sends the bytes as they are; a HEAD request's answer has no body, whatever its length says. */
    public Response send(byte[] request, boolean head) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server answered early and closed (a body over the limit, say): its answer is still to be read
            }
            return parse(readAll(socket.getInputStream()), head);
        } catch (SocketTimeoutException e) {
            throw new UncheckedIOException("no answer within " + TIMEOUT_MILLIS + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (all.size() == 0) {
                throw e; // reset before a byte of answer: no answer at all
            }
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] answer, boolean head) {
        byte[] raw = answer;
        // an interim answer (100 Continue to an Expect header) comes before the final one
        while (raw.length > 12 && raw[9] == '1' && new String(raw, 0, 5, StandardCharsets.ISO_8859_1).equals("HTTP/")) {
            int interimEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            if (interimEnd < 0) {
                break;
            }
            raw = Arrays.copyOfRange(raw, interimEnd + 4, raw.length);
        }
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            throw new IllegalStateException("not an HTTP answer: " + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body =
                head || status == 204 || status == 304 ? new byte[0] : Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, crlf, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeField = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = sizeField.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeField : sizeField.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            body.write(chunked, start, Math.min(size, chunked.length - start));
            at = start + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
