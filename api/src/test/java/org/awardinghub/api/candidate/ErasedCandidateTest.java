package org.awardinghub.api.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.command.candidate.EraseCandidate;
import org.awardinghub.events.PersonalData;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A certificated candidate erased (ADR 0165), as the API answers about them once the read models have caught up:
 * their record says erased, with no name, date of birth or ULN; no search by name finds them, their registration
 * number does; their certificate still verifies as valid, with the holder "(erased)", and no longer prints.
 */
class ErasedCandidateTest extends ApplicationTest {

    private static final String ERASED = PersonalData.ERASED;

    @Autowired
    CommandGateway commands;

    @Test
    void givenCertificatedCandidate_whenErased_thenRecordSearchCertificateAndHistorySayErased() {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code(), true);
        String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        String invigilator = steps.user(centreId, "INVIGILATOR").token();
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        steps.sit(invigilator, candidate, qualification.assessmentCode(), 4);
        var claimed =
                http.post("/api/candidates/" + candidate.candidateId() + "/certificate-claims", coordinator, Map.of());
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        String number = claimed.json().get("certificateNumber").asText();
        String claim =
                "/api/certificate-claims/" + claimed.json().get("claimId").asText();
        String code = awaitJson(
                        claim,
                        coordinator,
                        json -> "ISSUED".equals(json.path("status").asText()))
                .get("verificationCode")
                .asText();
        String record = "/api/candidates/" + candidate.candidateId();
        String lastName = awaitJson(
                        record,
                        coordinator,
                        json -> "CERTIFICATED".equals(json.path("status").asText()))
                .get("lastName")
                .asText();
        assertThat(http.get(record, coordinator).json().get("erased").asBoolean())
                .isFalse();

        commands.sendAndWait(
                new EraseCandidate(candidate.candidateId(), "retention period over", "UK GDPR Article 17(1)(a)"));

        JsonNode erased =
                awaitJson(record, coordinator, json -> json.path("erased").asBoolean());
        assertThat(erased.get("firstName").asText()).isEqualTo(ERASED);
        assertThat(erased.get("lastName").asText()).isEqualTo(ERASED);
        assertThat(erased.get("dateOfBirth").isNull()).isTrue();
        assertThat(erased.get("registrationNumber").asText()).isEqualTo(candidate.registrationNumber());
        assertThat(erased.get("status").asText()).isEqualTo("CERTIFICATED");
        JsonNode certificate = awaitJson(
                        record,
                        coordinator,
                        json -> json.path("certificate").path("erased").asBoolean())
                .get("certificate");
        assertThat(certificate.get("certificateNumber").asText()).isEqualTo(number);
        assertThat(certificate.get("status").asText()).isEqualTo("VALID");
        assertThat(certificate.get("holderName").asText()).isEqualTo(ERASED);

        String candidates = "/api/centres/" + centreId + "/candidates?q=";
        assertThat(http.get(candidates + lastName, coordinator)
                        .json()
                        .get("total")
                        .asLong())
                .as("by name: nobody")
                .isZero();
        JsonNode byNumber = http.get(candidates + candidate.registrationNumber(), coordinator)
                .json();
        assertThat(byNumber.get("total").asLong()).isEqualTo(1);
        assertThat(byNumber.get("items").get(0).get("firstName").asText()).isEqualTo(ERASED);

        JsonNode verified = awaitJson(
                "/api/certificates/" + number + "/verify?code=" + code,
                null,
                json -> ERASED.equals(json.path("candidateName").asText()));
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(verified.get("status").asText()).isEqualTo("VALID");
        assertThat(verified.get("qualificationCode").asText()).isEqualTo(qualification.code());
        assertThat(awaitJson(
                                claim,
                                coordinator,
                                json -> ERASED.equals(json.path("holderName").asText()))
                        .get("status")
                        .asText())
                .isEqualTo("ISSUED");
        var printed = http.get("/api/certificates/" + number + ".pdf", coordinator);
        assertThat(printed.status()).as(printed.toString()).isEqualTo(409);

        JsonNode history = awaitJson(
                record + "/history", coordinator, json -> json.toString().contains("CandidateErased"));
        assertThat(history.toString()).doesNotContain(lastName).contains("retention period over");
    }
}
