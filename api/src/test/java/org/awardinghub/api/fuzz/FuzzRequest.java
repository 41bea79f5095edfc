package org.awardinghub.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request the fuzzing sends, byte for byte: method, target (path and query, as on the wire), headers and body.
 * The caller's bearer token is added when it is sent, so that the description names the caller rather than a token
 * that means nothing in another run.
 */
record FuzzRequest(
        Endpoint endpoint, Caller caller, String method, String target, Map<String, String> headers, byte[] body) {

    private static final int SHOWN = 1500;

    /** The request as a client would write it down to send it again: every character that is not plain shown. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(visible(method))
                .append(' ')
                .append(visible(target))
                .append("   (endpoint ")
                .append(endpoint)
                .append(")\n");
        if (caller != Caller.NOBODY) {
            text.append("  Authorization: Bearer <token of ").append(caller).append(">\n");
        }
        headers.forEach((name, value) -> text.append("  ")
                .append(visible(name))
                .append(": ")
                .append(visible(value))
                .append('\n'));
        if (body != null) {
            String shown = new String(body, 0, Math.min(body.length, SHOWN), StandardCharsets.UTF_8);
            text.append("  body (").append(body.length).append(" bytes): ").append(visible(shown));
            if (body.length > SHOWN) {
                text.append("...");
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Printable ASCII as it is; anything else as a Java escape. */
    static String visible(String raw) {
        StringBuilder shown = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                shown.append((char) c);
            } else if (c == '\\') {
                shown.append("\\\\");
            } else if (c <= 0xffff) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.append(String.format("\\u{%x}", c));
            }
        });
        return shown.toString();
    }
}
