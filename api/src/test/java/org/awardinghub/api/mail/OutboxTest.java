package org.awardinghub.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default delivers email as files under the data directory, for whoever runs the server; the outbox
 * that IMI admins read withholds every one-time link, so that an administrator cannot reset another user's password
 * and sign in as them.
 */
class OutboxTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givenAnAuditorsPasswordReset_whenAnAdministratorReadsTheOutbox_thenTheLinkIsWithheldAndCannotBeUsed() {
        String admin = adminToken();
        CreatedUser auditor = addUser(admin, null, "AUDITOR");
        activate(admin, auditor);

        var requested = http.post("/api/auth/password-reset", null, Map.of("pin", auditor.pin()));
        assertThat(requested.status()).isEqualTo(202);

        var outbox = http.get("/api/outbox?to=" + auditor.email(), admin);
        assertThat(outbox.status()).isEqualTo(200);
        String shown = outbox.json().get(0).get("body").asText();
        assertThat(shown).contains("/reset-password?token=WITHHELD").doesNotContainPattern("token=[A-Za-z0-9_-]{20,}");
        assertPagesOfOne("/api/outbox?to=" + auditor.email(), admin, 2);
        assertThat(jdbc.queryForList("SELECT body FROM outbox_mail", String.class))
                .as("nor is any link kept in the database")
                .allSatisfy(body -> assertThat(body).doesNotContainPattern("token=[A-Za-z0-9_-]{20,}"));

        var takeover = http.post(
                "/api/auth/password-reset/complete",
                null,
                Map.of("token", "WITHHELD", "password", "an administrator's own choice 9"));
        assertThat(takeover.status()).isGreaterThanOrEqualTo(400).isLessThan(500);
        assertThat(http.post("/api/auth/login", null, Map.of("pin", auditor.pin(), "password", GOOD_PASSWORD))
                        .status())
                .as("the auditor's password is unchanged")
                .isEqualTo(200);

        String token = Outbox.token(http, admin, DATA_DIR, auditor.email());
        var reset = http.post(
                "/api/auth/password-reset/complete",
                null,
                Map.of("token", token, "password", "the auditor's own new one 4"));
        assertThat(reset.status())
                .as("the addressee, who has the delivered email, can reset")
                .isEqualTo(204);
    }

    @Test
    void givenAnEmailSent_whenDelivered_thenItIsAFileOnlyTheServersUserCanRead() throws Exception {
        String admin = adminToken();
        CreatedUser user = addUser(admin, null, "AUDITOR");

        String file = http.get("/api/outbox?to=" + user.email(), admin)
                .json()
                .get(0)
                .get("file")
                .asText();
        Path delivered = DATA_DIR.resolve(file);

        assertThat(Outbox.message(DATA_DIR, file))
                .startsWith("Date: ")
                .contains("\r\nTo: " + user.email() + "\r\n")
                .contains("\r\nSubject: ");
        if (Files.getFileStore(delivered).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(delivered)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(delivered.getParent())))
                    .isEqualTo("rwx------");
        }
        assertThat(Files.list(delivered.getParent()).map(Path::toString).toList())
                .as("no half-written message left behind")
                .noneMatch(name -> name.endsWith(".part"));
    }

    @Test
    void givenALinkInTheBody_whenWithheld_thenOnlyTheTokenIsReplaced() {
        assertThat(OutboxMailer.withheld("Open https://hub.example/activate?token=abc-DEF_123 within 7 days."))
                .isEqualTo("Open https://hub.example/activate?token=WITHHELD within 7 days.");
        assertThat(OutboxMailer.withheld("https://hub.example/verify?number=C1&token=x1 and more"))
                .isEqualTo("https://hub.example/verify?number=C1&token=WITHHELD and more");
        assertThat(OutboxMailer.withheld(String.join("\n", List.of("no link here", "nor here"))))
                .isEqualTo("no link here\nnor here");
    }
}
