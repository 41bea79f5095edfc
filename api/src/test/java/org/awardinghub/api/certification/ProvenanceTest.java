package org.awardinghub.api.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.junit.jupiter.api.Test;

/**
 * A certificate's provenance over HTTP: for an auditor and IMI, every event the certificate rests on, the same as the
 * audit log's own record histories up to the issue, each covered by the chain; refused to a centre's staff; a
 * malformed or unknown number answered with a problem; and the provenance frozen into a case whose bundle holds
 * every one of its events.
 */
class ProvenanceTest extends ApplicationTest {

    @Test
    void givenAnIssuedCertificate_whenAnInvestigatorAsks_thenEveryEventItRestsOnAndACaseBundleHoldingThem() {
        String admin = adminToken();
        String auditor = activeUser(admin, admin, null, null, "AUDITOR");
        IssuedCertificate issued = IssuedCertificate.issue(new AssessmentSteps(http, admin, DATA_DIR), http);
        String number = issued.number();
        String coordinator = issued.coordinator();
        String path = "/api/certificates/" + number + "/provenance";

        JsonNode provenance = awaitJson(path, auditor, json -> json.has("nodes"));

        assertThat(provenance.get("certificateNumber").asText()).isEqualTo(number);
        long issuedAt = provenance.get("issuedAtPosition").asLong();
        // what it rests on is exactly the audit log's own histories of these records up to the issue
        Set<Long> expected = new TreeSet<>();
        expected.addAll(positionsUpTo(auditor, "candidate", issued.candidate().candidateId(), issuedAt));
        expected.addAll(positionsUpTo(auditor, "attempt", issued.attemptId(), issuedAt));
        expected.addAll(positionsUpTo(auditor, "claim", issued.claimId(), issuedAt));
        JsonNode approval = last(
                http.get("/api/audit/records/centre/" + issued.centreId() + "/events", auditor)
                        .json(),
                "CentreApproved");
        expected.add(approval.get("globalPosition").asLong());
        assertThat(linkedPositions(provenance)).containsExactlyElementsOf(expected);
        assertThat(provenance.get("chain").get("allCovered").asBoolean()).isTrue();
        assertThat(kinds(provenance))
                .contains(
                        "CERTIFICATE",
                        "CLAIM",
                        "CENTRE_STATUS",
                        "CANDIDATE",
                        "AMENDMENT",
                        "ATTEMPT",
                        "INVIGILATOR",
                        "FORM",
                        "ITEM",
                        "PASS_MARK");
        assertThat(http.get(path, admin).status()).as("IMI_ADMIN may").isEqualTo(200);

        var centreStaff = http.get(path, coordinator);
        assertThat(centreStaff.status()).as(centreStaff.toString()).isEqualTo(403);
        var malformed = http.get("/api/certificates/not-a-number/provenance", auditor);
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        var unknown = http.get("/api/certificates/C222222222/provenance", auditor);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        var untitled = http.post(path + "/case", auditor, Map.of("title", " "));
        assertThat(untitled.status()).as(untitled.toString()).isEqualTo(400);
        assertThat(http.post(path + "/case", coordinator, Map.of("title", "Provenance"))
                        .status())
                .isEqualTo(403);
        var frozen = http.post(path + "/case", auditor, Map.of("title", "Provenance of " + number));
        assertThat(frozen.status()).as(frozen.toString()).isEqualTo(201);
        assertThat(frozen.json().get("upToPosition").asLong()).isGreaterThanOrEqualTo(issuedAt);
        JsonNode bundle = awaitJson(frozen.header("Location"), auditor, json -> json.has("events"));
        Set<Long> inBundle = new TreeSet<>();
        bundle.get("events")
                .forEach(chained ->
                        inBundle.add(chained.get("event").get("globalPosition").asLong()));
        assertThat(inBundle).containsAll(expected);
    }

    private List<Long> positionsUpTo(String token, String type, String id, long position) {
        List<Long> positions = new ArrayList<>();
        http.get("/api/audit/records/" + type + "/" + id + "/events", token)
                .json()
                .forEach(event -> {
                    if (event.get("globalPosition").asLong() <= position) {
                        positions.add(event.get("globalPosition").asLong());
                    }
                });
        return positions;
    }

    private static JsonNode last(JsonNode events, String type) {
        JsonNode found = null;
        for (JsonNode event : events) {
            if (type.equals(event.get("type").asText())) {
                found = event;
            }
        }
        assertThat(found).as("a " + type + " in " + events).isNotNull();
        return found;
    }

    private static Set<Long> linkedPositions(JsonNode provenance) {
        Set<Long> positions = new TreeSet<>();
        provenance
                .get("nodes")
                .forEach(node -> node.get("events").forEach(link -> {
                    assertThat(link.get("covered").asBoolean())
                            .as(link.toString())
                            .isTrue();
                    positions.add(link.get("globalPosition").asLong());
                }));
        return positions;
    }

    private static Set<String> kinds(JsonNode provenance) {
        Set<String> kinds = new TreeSet<>();
        provenance.get("nodes").forEach(node -> kinds.add(node.get("kind").asText()));
        return kinds;
    }
}
