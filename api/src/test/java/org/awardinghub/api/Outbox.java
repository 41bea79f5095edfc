package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded default's emails as their addressee gets them: the outbox (IMI_ADMIN) says which file holds the newest
 * email to the address, and the one-time link is read from that file under the data directory, never from the API,
 * which withholds it.
 */
public final class Outbox {

    private static final Pattern TOKEN_LINK = Pattern.compile("\\?token=([A-Za-z0-9_-]+)");

    private Outbox() {}

    /**
     * The one-time token in the link of the newest email to this address that has one: a notification email (which
     * never has one) may have arrived since.
     */
    public static String token(HttpClientForTests http, String admin, Path dataDir, String email) {
        var outbox = http.get("/api/outbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8), admin);
        assertThat(outbox.status()).as(outbox.toString()).isEqualTo(200);
        assertThat(outbox.json().size()).as("emails to " + email).isGreaterThan(0);
        for (var sent : outbox.json()) {
            if (sent.get("body").asText().contains("?token=")) {
                Matcher link =
                        TOKEN_LINK.matcher(message(dataDir, sent.get("file").asText()));
                assertThat(link.find())
                        .as("a ?token= link in the email to " + email)
                        .isTrue();
                return link.group(1);
            }
        }
        throw new AssertionError("no email with a ?token= link to " + email);
    }

    /** The whole message, as delivered. */
    public static String message(Path dataDir, String file) {
        try {
            return Files.readString(dataDir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
