package org.awardinghub.api.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.api.HttpClientForTests;

/**
 * A certificate issued over HTTP for the provenance tests, with something of each kind to rest on: a Direct Claim
 * Status centre, a candidate whose last name was amended, their passing attempt, the claim and its certificate.
 */
record IssuedCertificate(
        String centreId, String coordinator, Candidate candidate, String attemptId, String claimId, String number) {

    static IssuedCertificate issue(AssessmentSteps steps, HttpClientForTests http) {
        Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code(), true);
        String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        String invigilator = steps.user(centreId, "INVIGILATOR").token();
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        var amended = http.post(
                "/api/candidates/" + candidate.candidateId() + "/amendments",
                coordinator,
                Map.of("field", "LAST_NAME", "value", "Okafor", "reason", "Deed poll seen"));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        String attemptId = steps.sit(invigilator, candidate, qualification.assessmentCode(), AssessmentSteps.QUESTIONS)
                .get("attemptId")
                .asText();
        var claimed =
                http.post("/api/candidates/" + candidate.candidateId() + "/certificate-claims", coordinator, Map.of());
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        return new IssuedCertificate(
                centreId,
                coordinator,
                candidate,
                attemptId,
                claimed.json().get("claimId").asText(),
                claimed.json().get("certificateNumber").asText());
    }
}
