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
import java.time.Duration;
import java.util.Map;

/** Talks to the running application over real HTTP, as a client would. */
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

    public HttpClientForTests(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String path, String token) {
        return send(builder(path, token).GET(), Map.of());
    }

    public Response get(String path, String token, Map<String, String> headers) {
        return send(builder(path, token).GET(), headers);
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
        return send(
                builder(path, token)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                Map.of());
    }

    /** A multipart/form-data upload: the text fields, then one file part named {@code file}. */
    public Response postMultipart(String path, String token, Map<String, String> fields, String fileName, byte[] file) {
        String boundary =
                "----awarding" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(utf8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(utf8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return send(
                builder(path, token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
                Map.of());
    }

    /** Sends the body without announcing its length (chunked), as a streaming client would. */
    public Response postStreamed(String path, String token, String contentType, byte[] body) {
        return send(
                builder(path, token)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))),
                Map.of());
    }

    public Response send(String method, String path, String token) {
        return send(method, path, token, Map.of());
    }

    /** A request without a body, with extra headers (such as {@code Accept}). */
    public Response send(String method, String path, String token, Map<String, String> headers) {
        return send(builder(path, token).method(method, HttpRequest.BodyPublishers.noBody()), headers);
    }

    /** A GET answered with bytes (a PDF, say), as they came. */
    public HttpResponse<byte[]> bytes(String path, String token) {
        try {
            return client.send(builder(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response sendJson(String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(
                    builder(path, token)
                            .header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(text)),
                    headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder, Map<String, String> headers) {
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isBlank()
                    ? MissingNode.getInstance()
                    : parse(response.body());
            return new Response(response.statusCode(), response, json);
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
