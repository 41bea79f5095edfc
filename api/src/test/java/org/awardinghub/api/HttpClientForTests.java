package org.awardinghub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * Talks to the running application over real HTTP, as a client would. Every exchange is checked against the
 * OpenAPI document the application serves ({@link ContractCheck}).
 */
public class HttpClientForTests {

    public record Response(int status, HttpResponse<String> raw, JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final int port;

    public HttpClientForTests(int port) {
        this.base = "http://localhost:" + port;
        this.port = port;
    }

    public Response get(String path, String token) {
        return send("GET", path, token, Map.of(), null, null, false);
    }

    /**
     * The JSON at {@code path} once it answers 200 and satisfies {@code until}, polled for at most {@code atMost}: a read
     * model catching up after a command, or an application just started.
     */
    public JsonNode awaitJson(String path, String token, Predicate<JsonNode> until) {
        return awaitJson(path, token, Duration.ofMinutes(1), until);
    }

    /** As {@link #awaitJson(String, String, Predicate)}, polled for at most {@code atMost}. */
    public JsonNode awaitJson(String path, String token, Duration atMost, Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            var response = get(path, token);
            last[0] = response.json();
            return response.status() == 200 && until.test(response.json());
        });
        return last[0];
    }

    public Response get(String path, String token, Map<String, String> headers) {
        return send("GET", path, token, headers, null, null, false);
    }

    public Response post(String path, String token, Object body) {
        return sendJson("POST", path, token, body, Map.of());
    }

    public Response post(String path, String token, Object body, Map<String, String> headers) {
        return sendJson("POST", path, token, body, headers);
    }

    public Response put(String path, String token, Object body) {
        return sendJson("PUT", path, token, body, Map.of());
    }

    public Response put(String path, String token, Object body, Map<String, String> headers) {
        return sendJson("PUT", path, token, body, headers);
    }

    /** Sends the text exactly as given, for malformed bodies. */
    public Response postRaw(String path, String token, String contentType, String body) {
        return send("POST", path, token, Map.of(), contentType, body.getBytes(StandardCharsets.UTF_8), false);
    }

    /** A multipart/form-data upload: the text fields, then one file part named {@code file}. */
    public Response postMultipart(String path, String token, Map<String, String> fields, String fileName, byte[] file) {
        String boundary =
                "----awarding" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(utf8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(utf8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return send(
                "POST", path, token, Map.of(), "multipart/form-data; boundary=" + boundary, body.toByteArray(), false);
    }

    /** Sends the body without announcing its length (chunked), as a streaming client would. */
    public Response postStreamed(String path, String token, String contentType, byte[] body) {
        return send("POST", path, token, Map.of(), contentType, body, true);
    }

    public Response send(String method, String path, String token) {
        return send(method, path, token, Map.of());
    }

    /** A request without a body, with extra headers (such as {@code Accept}). */
    public Response send(String method, String path, String token, Map<String, String> headers) {
        return send(method, path, token, headers, null, null, false);
    }

    /** A GET answered with bytes (a PDF, say), as they came. */
    public HttpResponse<byte[]> bytes(String path, String token) {
        return bytes(path, token, Map.of());
    }

    /** A GET answered with bytes, with extra headers (such as {@code Accept: application/pdf}). */
    public HttpResponse<byte[]> bytes(String path, String token, Map<String, String> headers) {
        HttpRequest request = request("GET", path, token, headers, null, null, false);
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        ContractCheck.exchange(
                port,
                "GET",
                request.uri(),
                request.headers(),
                null,
                response.statusCode(),
                response.headers(),
                response.body());
        return response;
    }

    private Response sendJson(String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(method, path, token, headers, "application/json", text.getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every request of the tests but {@link #bytes} goes through here: sent, answered, and checked against the
     * served OpenAPI document ({@link ContractCheck}).
     */
    private Response send(
            String method,
            String path,
            String token,
            Map<String, String> headers,
            String contentType,
            byte[] body,
            boolean streamed) {
        HttpRequest request = request(method, path, token, headers, contentType, body, streamed);
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        ContractCheck.exchange(
                port,
                method,
                request.uri(),
                request.headers(),
                body,
                response.statusCode(),
                response.headers(),
                text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        JsonNode json = text == null || text.isBlank() ? MissingNode.getInstance() : parse(text);
        return new Response(response.statusCode(), response, json);
    }

    private HttpRequest request(
            String method,
            String path,
            String token,
            Map<String, String> headers,
            String contentType,
            byte[] body,
            boolean streamed) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers.forEach(builder::header);
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : streamed
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body);
        return builder.method(method, publisher).build();
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
