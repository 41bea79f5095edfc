package org.awardinghub.api.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.api.HttpClientForTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Certification over HTTP: a Direct Claim Status centre's claim is issued at once and verifies publicly; another
 * centre's claim waits for IMI; a candidate who has not achieved is refused with every reason; a second claim is
 * refused; replaced and revoked certificates verify as such; the PDF holds the number and a QR code of the
 * verification link; a certificated candidate cannot be withdrawn by their centre.
 */
class CertificationTest extends ApplicationTest {

    @Autowired
    MongoDatabase readStore;

    /** The limit the shared test application runs with (ApplicationTest): higher than production's, for polling. */
    private static final int VERIFICATIONS_PER_MINUTE = ApplicationTest.VERIFICATIONS_PER_MINUTE;

    private AssessmentSteps steps;
    private String admin;
    private Qualification qualification;

    @BeforeEach
    void qualification() {
        admin = adminToken();
        steps = new AssessmentSteps(http, admin, DATA_DIR);
        qualification = steps.publish(30);
    }

    /** A centre with a coordinator and an invigilator, and one candidate who passed the qualification's test. */
    private record Achiever(String centreId, String coordinator, String invigilator, Candidate candidate) {}

    private Achiever achiever(boolean directClaimStatus) {
        String centreId = steps.centre(qualification.code(), directClaimStatus);
        String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        String invigilator = steps.user(centreId, "INVIGILATOR").token();
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        assertThat(steps.sit(invigilator, candidate, qualification.assessmentCode(), 4)
                        .get("outcome")
                        .asText())
                .isEqualTo("PASS");
        return new Achiever(centreId, coordinator, invigilator, candidate);
    }

    private HttpClientForTests.Response claim(String token, String candidateId) {
        return http.post("/api/candidates/" + candidateId + "/certificate-claims", token, Map.of());
    }

    private JsonNode verify(String number, String code) {
        var response = http.get("/api/certificates/" + number + "/verify?code=" + code, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode awaitVerified(String number, String code, String status) {
        return awaitJson(
                "/api/certificates/" + number + "/verify?code=" + code,
                null,
                json -> status.equals(json.path("status").asText()));
    }

    @Test
    void givenDirectClaimStatusCentre_whenClaiming_thenIssuedAtOnceAndVerifiesPublicly() {
        Achiever achiever = achiever(true);
        var claimed = claim(achiever.coordinator(), achiever.candidate().candidateId());
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        assertThat(claimed.header("Location"))
                .endsWith(claimed.json().get("claimId").asText());
        assertThat(claimed.json().get("status").asText()).isEqualTo("ISSUED");
        String number = claimed.json().get("certificateNumber").asText();

        var withdrawal = http.post(
                "/api/candidates/" + achiever.candidate().candidateId() + "/withdraw",
                achiever.coordinator(),
                Map.of("reason", "Left"));
        assertThat(withdrawal.status())
                .as("a certificated candidate stays: " + withdrawal)
                .isEqualTo(409);

        JsonNode claim = awaitJson(
                "/api/certificate-claims/" + claimed.json().get("claimId").asText(),
                achiever.coordinator(),
                json -> "ISSUED".equals(json.path("status").asText()));
        assertThat(claim.get("directClaimStatus").asBoolean()).isTrue();
        assertThat(claim.get("certificateNumber").asText()).isEqualTo(number);
        String code = claim.get("verificationCode").asText();
        assertThat(code).hasSizeGreaterThanOrEqualTo(8);

        JsonNode verified = awaitVerified(number, code, "VALID");
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(verified.get("qualificationCode").asText()).isEqualTo(qualification.code());
        assertThat(verified.get("qualificationTitle").asText()).isEqualTo("Test " + qualification.code());
        assertThat(verified.get("candidateName").asText()).startsWith("Robin Candidate");
        assertThat(verified.get("issuedOn").asText())
                .isEqualTo(java.time.LocalDate.now(clock).toString());

        for (JsonNode refused : List.of(verify(number, "WRONGCODE2"), verify("C999999999", code), verify(number, ""))) {
            assertThat(refused.get("valid").asBoolean()).isFalse();
            assertThat(refused.get("candidateName").isNull()).isTrue();
            assertThat(refused.get("qualificationCode").isNull()).isTrue();
            assertThat(refused.get("status").isNull()).isTrue();
        }

        JsonNode record = awaitJson(
                "/api/candidates/" + achiever.candidate().candidateId(),
                achiever.coordinator(),
                json -> "CERTIFICATED".equals(json.path("status").asText()));
        assertThat(record.get("certificate").get("certificateNumber").asText()).isEqualTo(number);
        JsonNode history = awaitJson(
                "/api/candidates/" + achiever.candidate().candidateId() + "/history",
                achiever.coordinator(),
                json -> json.toString().contains(number));
        assertThat(history.toString()).contains("CandidateCertificated");

        var second = claim(achiever.coordinator(), achiever.candidate().candidateId());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("reasons").toString()).contains(number);
    }

    @Test
    void givenCentreWithoutDirectClaimStatus_whenClaiming_thenClaimWaitsInTheQueueUntilImiApproves() {
        Achiever achiever = achiever(false);
        var claimed = claim(achiever.coordinator(), achiever.candidate().candidateId());
        assertThat(claimed.json().get("status").asText()).as(claimed.toString()).isEqualTo("AWAITING_APPROVAL");
        String claimId = claimed.json().get("claimId").asText();

        clock.advance(Duration.ofDays(3).plusHours(1));
        admin = adminToken();
        steps = new AssessmentSteps(http, admin, DATA_DIR); // the sessions of three days ago have lapsed
        JsonNode queue = awaitJson(
                "/api/certificate-claims?status=AWAITING_APPROVAL&centreId=" + achiever.centreId(),
                admin,
                json -> json.path("total").asInt() == 1);
        assertThat(queue.get("items").get(0).get("claimId").asText()).isEqualTo(claimId);
        assertThat(queue.get("items").get(0).get("daysWaiting").asInt()).isEqualTo(3);
        assertThat(queue.get("items").get(0).get("verificationCode").isNull()).isTrue();
        String otherCoordinator = steps.user(steps.centre(qualification.code()), "CENTRE_COORDINATOR")
                .token();
        assertThat(http.get("/api/certificate-claims?status=AWAITING_APPROVAL", otherCoordinator)
                        .json()
                        .get("total")
                        .asInt())
                .as("another centre sees none of it")
                .isZero();
        assertThat(http.get("/api/certificate-claims/" + claimId, otherCoordinator)
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/certificate-claims/" + claimId + "/approve", otherCoordinator, Map.of())
                        .status())
                .isEqualTo(403);

        var approved = http.post("/api/certificate-claims/" + claimId + "/approve", admin, Map.of());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        String number = approved.json().get("certificateNumber").asText();
        assertThat(http.post("/api/certificate-claims/" + claimId + "/approve", admin, Map.of())
                        .status())
                .as("approved once")
                .isEqualTo(409);
        JsonNode claim = awaitJson(
                "/api/certificate-claims/" + claimId,
                admin,
                json -> "ISSUED".equals(json.path("status").asText()));
        assertThat(claim.get("directClaimStatus").asBoolean()).isFalse();
        assertThat(awaitVerified(number, claim.get("verificationCode").asText(), "VALID")
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void givenWaitingClaim_whenRejectedWithReason_thenTheCentreMayClaimAgain() {
        Achiever achiever = achiever(false);
        String claimId = claim(achiever.coordinator(), achiever.candidate().candidateId())
                .json()
                .get("claimId")
                .asText();
        String reject = "/api/certificate-claims/" + claimId + "/reject";
        assertThat(http.post(reject, admin, Map.of()).status()).isEqualTo(400);
        assertThat(http.post(reject, admin, Map.of("reason", "Evidence of identity missing"))
                        .status())
                .isEqualTo(200);
        JsonNode claim = awaitJson(
                "/api/certificate-claims/" + claimId,
                achiever.coordinator(),
                json -> "REJECTED".equals(json.path("status").asText()));
        assertThat(claim.get("reason").asText()).isEqualTo("Evidence of identity missing");
        assertThat(claim(achiever.coordinator(), achiever.candidate().candidateId())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void givenCandidateWhoHasNotAchieved_whenClaiming_thenRefusedWithEveryReason() {
        String centreId = steps.centre(qualification.code());
        String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        String invigilator = steps.user(centreId, "INVIGILATOR").token();
        Candidate failed = steps.register(coordinator, centreId, qualification.code());
        steps.sit(invigilator, failed, qualification.assessmentCode(), 1);
        var refused = claim(coordinator, failed.candidateId());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("reasons").toString()).contains(qualification.assessmentCode());

        Candidate withdrawn = steps.register(coordinator, centreId, qualification.code());
        http.post("/api/candidates/" + withdrawn.candidateId() + "/withdraw", coordinator, Map.of("reason", "Left"));
        var both = claim(coordinator, withdrawn.candidateId());
        assertThat(both.status()).isEqualTo(409);
        List<String> reasons = new ArrayList<>();
        both.json().get("reasons").forEach(reason -> reasons.add(reason.asText()));
        assertThat(reasons).hasSize(2);
        assertThat(String.join(" ", reasons)).contains("WITHDRAWN").contains(qualification.assessmentCode());
        assertThat(claim(steps.user(centreId, "INVIGILATOR").token(), failed.candidateId())
                        .status())
                .as("only centre admins and coordinators claim")
                .isEqualTo(403);
    }

    @Test
    void givenIssuedCertificate_whenReplacedAndTheReplacementRevoked_thenEachVerifiesAsSuch() {
        Achiever achiever = achiever(true);
        String claimId = claim(achiever.coordinator(), achiever.candidate().candidateId())
                .json()
                .get("claimId")
                .asText();
        JsonNode issued = awaitJson(
                "/api/certificate-claims/" + claimId,
                admin,
                json -> "ISSUED".equals(json.path("status").asText()));
        String first = issued.get("certificateNumber").asText();
        String firstCode = issued.get("verificationCode").asText();
        awaitVerified(first, firstCode, "VALID");

        http.post(
                "/api/candidates/" + achiever.candidate().candidateId() + "/amendments",
                admin,
                Map.of("field", "FIRST_NAME", "value", "Robyn", "reason", "Name corrected from passport"));
        assertThat(http.post(
                                "/api/certificates/" + first + "/replace",
                                achiever.coordinator(),
                                Map.of("reason", "Lost"))
                        .status())
                .isEqualTo(403);
        var replaced = http.post("/api/certificates/" + first + "/replace", admin, Map.of("reason", "Name corrected"));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        String second = replaced.json().get("replacedBy").asText();
        assertThat(second).isNotEqualTo(first);

        JsonNode old = awaitVerified(first, firstCode, "REPLACED");
        assertThat(old.get("valid").asBoolean()).isFalse();
        assertThat(old.get("candidateName").isNull())
                .as("a replaced number points at nothing personal")
                .isTrue();
        JsonNode current = awaitJson(
                "/api/certificate-claims/" + claimId,
                admin,
                json -> second.equals(json.path("certificateNumber").asText()));
        String secondCode = current.get("verificationCode").asText();
        assertThat(secondCode).isNotEqualTo(firstCode);
        assertThat(awaitVerified(second, secondCode, "VALID")
                        .get("candidateName")
                        .asText())
                .startsWith("Robyn ");

        var revoked = http.post(
                "/api/certificates/" + second + "/revoke", admin, Map.of("reason", "Malpractice found at the centre"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        // revoked at once (the command side's record); the date follows with the read model
        JsonNode gone = awaitJson(
                "/api/certificates/" + second + "/verify?code=" + secondCode,
                null,
                json -> "REVOKED".equals(json.path("status").asText()) && json.hasNonNull("revokedOn"));
        assertThat(gone.get("valid").asBoolean()).isFalse();
        assertThat(gone.get("revokedOn").asText())
                .isEqualTo(java.time.LocalDate.now(clock).toString());
        var certificates = readStore.getCollection("certificates");
        certificates.updateOne(Filters.eq("_id", second), Updates.set("status", "VALID"));
        JsonNode tampered;
        int printed;
        try {
            tampered = verify(second, secondCode);
            printed = http.get("/api/certificates/" + second + ".pdf", admin).status();
        } finally {
            // the read model as the events made it, for the tests that share this application (a replay compares)
            certificates.updateOne(Filters.eq("_id", second), Updates.set("status", "REVOKED"));
        }
        assertThat(tampered.get("valid").asBoolean())
                .as("validity rests on the command side's record, not on the read store")
                .isFalse();
        assertThat(tampered.get("status").asText()).isEqualTo("REVOKED");
        assertThat(printed)
                .as("a revoked certificate does not print, whatever the read model says")
                .isEqualTo(409);
        assertThat(http.post("/api/certificates/" + second + "/revoke", admin, Map.of("reason", "again"))
                        .status())
                .isEqualTo(409);
        assertThat(http.get("/api/certificates/" + second + ".pdf", admin).status())
                .as("a revoked certificate does not print")
                .isEqualTo(409);
        awaitJson(
                "/api/candidates/" + achiever.candidate().candidateId(),
                admin,
                json -> "REGISTERED".equals(json.path("status").asText()));
    }

    @Test
    void givenIssuedCertificate_whenPrinted_thenPdfHoldsNumberNameAndQrCodeOfTheVerificationLink() throws Exception {
        Achiever achiever = achiever(true);
        String claimId = claim(achiever.coordinator(), achiever.candidate().candidateId())
                .json()
                .get("claimId")
                .asText();
        JsonNode issued = awaitJson(
                "/api/certificate-claims/" + claimId,
                achiever.coordinator(),
                json -> "ISSUED".equals(json.path("status").asText()));
        String number = issued.get("certificateNumber").asText();
        String code = issued.get("verificationCode").asText();
        awaitVerified(number, code, "VALID");

        HttpResponse<byte[]> printed = http.bytes("/api/certificates/" + number + ".pdf", achiever.coordinator());
        assertThat(printed.statusCode()).isEqualTo(200);
        assertThat(printed.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(printed.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(number)
                    .contains(code)
                    .contains("Robin Candidate")
                    .contains("Test " + qualification.code());
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            javax.imageio.ImageIO.write(
                    page,
                    "png",
                    java.nio.file.Path.of("target", "screenshots", "certificate.png")
                            .toFile());
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            String link = new QRCodeReader()
                    .decode(new BinaryBitmap(
                            new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels))))
                    .getText();
            assertThat(link).endsWith("/verify?number=" + number + "&code=" + code);
        }
        String otherCentre =
                steps.user(steps.centre(qualification.code()), "CENTRE_ADMIN").token();
        assertThat(http.get("/api/certificates/" + number + ".pdf", otherCentre).status())
                .isEqualTo(404);
        assertThat(http.get("/api/certificates/" + number + ".pdf", null).status())
                .isEqualTo(401);
    }

    @Test
    void givenManyVerificationsFromOneAddress_whenOverTheLimit_thenTooManyRequests() {
        // the start of a minute of its own, apart from other tests' verifications
        clock.advance(Duration.ofMinutes(7).plusMillis(60_000 - clock.millis() % 60_000));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= VERIFICATIONS_PER_MINUTE; i++) {
            statuses.add(http.get("/api/certificates/C000000000/verify?code=NOTHING", null)
                    .status());
        }
        assertThat(statuses.subList(0, VERIFICATIONS_PER_MINUTE)).containsOnly(200);
        var refused = http.get("/api/certificates/C000000000/verify?code=NOTHING", null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        clock.advance(Duration.ofMinutes(1));
        assertThat(http.get("/api/certificates/C000000000/verify?code=NOTHING", null)
                        .status())
                .as("a new minute")
                .isEqualTo(200);
    }
}
