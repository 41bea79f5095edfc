package org.awardinghub.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A {@code multipart/form-data} body as a browser sends it: text fields and one file. */
public final class MultipartForm {

    private final String boundary = "----form" + UUID.randomUUID().toString().replace("-", "");
    private final Map<String, String> fields = new LinkedHashMap<>();
    private String fileName;
    private byte[] fileBytes;

    public MultipartForm field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public MultipartForm file(String name, byte[] bytes) {
        this.fileName = name;
        this.fileBytes = bytes;
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(
                out,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                        + "\r\n"));
        if (fileBytes != null) {
            write(
                    out,
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(fileBytes);
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    public HttpClientForTests.Response post(HttpClientForTests http, String path, String token) {
        return http.postStreamed(path, token, contentType(), body());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
