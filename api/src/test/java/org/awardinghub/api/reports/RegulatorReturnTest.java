package org.awardinghub.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.HttpClientForTests;
import org.junit.jupiter.api.Test;

/**
 * A regulator return end to end (ADR 0169): a candidate registered last quarter and transferred this quarter; last
 * quarter's return as filed before the transfer stays byte for byte what it was, JSON and CSV; as of after the
 * transfer it has moved; the comparison of the two instants names the transfer; a centre's users see only their own
 * centre; bad input and an instant not settled yet are problems.
 */
class RegulatorReturnTest extends ApplicationTest {

    @Test
    void
            givenARegistrationLastQuarterAndATransferThisQuarter_whenTheReturnIsRegeneratedAndCompared_thenAsFiledItIsTheSameAndTheChangeNamesTheTransfer()
                    throws Exception {
        String admin = adminToken();
        String centreA = approvedCentre(admin);
        String centreB = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreA, null, "CENTRE_COORDINATOR");
        String auditor = activeUser(admin, admin, null, null, "AUDITOR");
        clock.advance(Duration.ofDays(-100));
        LocalDate day = LocalDate.now(clock);
        var registered = http.post(
                "/api/centres/" + centreA + "/candidates",
                coordinator,
                Map.of(
                        "firstName",
                        "Quentin",
                        "lastName",
                        "Quarterly",
                        "dateOfBirth",
                        "2002-02-02",
                        "qualificationCode",
                        "LV2-MAINT",
                        "startDate",
                        day.minusDays(10).toString()));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String candidateId = registered.json().get("candidateId").asText();
        clock.reset();
        clock.advance(Duration.ofMinutes(11)); // past the gap window: what happened until now is settled
        Instant filed = Instant.now();
        String period = "from=" + day + "&to=" + day;
        String asFiled = "/api/returns/registrations?" + period + "&asOf=" + filed;
        JsonNode before = awaitJson(
                asFiled + "&centreId=" + centreA,
                auditor,
                json -> json.path("centres").size() == 1);
        assertThat(before.at("/centres/0/values")).hasToString("[1,0]");
        assertThat(before.get("asOf").asText()).isEqualTo(filed.toString());
        var json = answered(asFiled, auditor, "application/json");
        var csv = answered(asFiled, auditor, "text/csv");

        Thread.sleep(5);
        var transferred = http.post(
                "/api/candidates/" + candidateId + "/transfer",
                admin,
                Map.of("toCentreId", centreB, "reason", "Moved to the city"));
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
        Thread.sleep(5);
        Instant now = Instant.now();
        String asNow = "/api/returns/registrations?" + period + "&asOf=" + now;
        awaitJson(
                asNow + "&centreId=" + centreB,
                admin,
                after -> after.path("centres").size() == 1);

        var again = answered(asFiled, admin, "application/json");
        assertThat(again.raw().body())
                .as("as filed, regenerated after the transfer")
                .isEqualTo(json.raw().body());
        var csvAgain = answered(asFiled, admin, "text/csv");
        assertThat(csvAgain.raw().body()).isEqualTo(csv.raw().body());
        assertThat(csv.raw().body())
                .startsWith("scope,centreId,qualificationCode,assessmentCode,registrations,late,latePercent\r\n")
                .contains("centre," + centreA + ",LV2-MAINT,,1,0,0.0\r\n")
                .doesNotContain(centreB);
        String sha256 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(csv.raw().body().getBytes(StandardCharsets.UTF_8)));
        assertThat(csvAgain.header("ETag")).isEqualTo("\"" + sha256 + "\"");
        assertThat(csv.header("Repr-Digest")).startsWith("sha-256=:");
        assertThat(answered(asNow, admin, "text/csv").raw().body())
                .contains("centre," + centreB + ",LV2-MAINT,,1,0,0.0\r\n")
                .doesNotContain(centreA);

        JsonNode changes = answered(
                        "/api/returns/registrations/changes?" + period + "&since=" + filed + "&asOf=" + now,
                        auditor,
                        "application/json")
                .json();
        List<JsonNode> ours = changes.get("changes")
                .valueStream()
                .filter(change -> List.of(centreA, centreB)
                        .contains(change.get("centreId").asText()))
                .toList();
        assertThat(ours)
                .extracting(
                        change -> change.get("centreId").asText(),
                        change -> change.get("measure").asText(),
                        change -> change.get("before").asLong(),
                        change -> change.get("after").asLong())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(centreA, "registrations", 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple(centreB, "registrations", 0L, 1L));
        for (JsonNode change : ours) {
            assertThat(change.get("causes")).hasSize(1);
            JsonNode cause = change.at("/causes/0");
            assertThat(cause.get("eventType").asText()).isEqualTo("CandidateTransferred");
            assertThat(cause.get("recordId").asText()).isEqualTo(candidateId);
            assertThat(cause.get("actorPin").asText()).isEqualTo(ADMIN_PIN);
            assertThat(cause.get("eventId").asText()).isNotBlank();
            assertThat(cause.get("globalPosition").asLong()).isPositive();
        }

        JsonNode own = answered(asNow, coordinator, "application/json").json();
        assertThat(own.get("centreId").asText()).isEqualTo(centreA);
        assertThat(own.get("centres")).as("moved away").isEmpty();
        assertThat(own.get("national")).isNotEmpty();
        String otherCentre = activeUser(admin, admin, approvedCentre(admin), null, "CENTRE_ADMIN");
        assertThat(http.get(asNow + "&centreId=" + centreA, otherCentre).status())
                .isEqualTo(404);
        assertThat(http.get("/api/returns", admin).json().findValuesAsText("code"))
                .containsExactly("registrations", "pass-rates", "certificates", "amendments");

        assertThat(http.get("/api/returns/registrations?from=yesterday&to=" + day, admin)
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/api/returns/registrations?from=" + day + "&to=" + day.minusDays(1), admin)
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/api/returns/registrations?to=" + day, admin).status())
                .isEqualTo(400);
        assertThat(http.get(asFiled.replace(filed.toString(), "soon"), admin).status())
                .isEqualTo(400);
        assertThat(http.get("/api/returns/nothing?" + period, admin).status()).isEqualTo(404);
        assertThat(http.get("/api/returns/registrations/changes?" + period, admin)
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/api/returns/registrations/changes?" + period + "&since=" + now + "&asOf=" + filed, admin)
                        .status())
                .isEqualTo(400);
        var unsettled = http.get(
                "/api/returns/registrations?" + period + "&asOf="
                        + Instant.now().plus(Duration.ofHours(1)),
                admin);
        assertThat(unsettled.status()).isEqualTo(409);
        assertThat(unsettled.json().get("title").asText()).isEqualTo("Return not settled yet");
        assertThat(unsettled.contentType()).startsWith("application/problem+json");
    }

    /**
     * The answer once it is 200: an instant settled a moment ago is refused (409) while the ledger is a batch behind
     * the head of the event store (the sign-ins of this test are events too), and answered once it has caught up.
     */
    private HttpClientForTests.Response answered(String path, String token, String accept) {
        HttpClientForTests.Response[] last = new HttpClientForTests.Response[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    last[0] = http.send("GET", path, token, Map.of("Accept", accept));
                    return last[0].status() != 409;
                });
        assertThat(last[0].status()).as(last[0].toString()).isEqualTo(200);
        return last[0];
    }
}
