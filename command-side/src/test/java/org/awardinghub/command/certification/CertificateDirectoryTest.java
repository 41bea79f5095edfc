package org.awardinghub.command.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.events.certification.CertificateStatus;
import org.awardinghub.events.certification.ClaimRejected;
import org.awardinghub.events.certification.ClaimStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class CertificateDirectoryTest {

    static final String CANDIDATE = "candidate-1";
    static final String CENTRE = "centre-1";
    static final String MVR_L2 = "MVR-L2";
    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    static final LocalDate ON = LocalDate.parse("2026-12-01");

    LookupDatabase database;
    CertificateDirectory register;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        register = database.lookup(CertificateDirectory.class);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    static CertificateClaimed claimed(String claimId, String candidateId, String qualificationCode) {
        return new CertificateClaimed(
                claimId,
                candidateId,
                "7KQ3MZ9B",
                CENTRE,
                qualificationCode,
                "Zoë O'Brien",
                false,
                List.of("attempt-1"),
                "user-admin",
                "34567890",
                AT);
    }

    static CertificateIssued issued(String claimId, String number) {
        return new CertificateIssued(claimId, CANDIDATE, CENTRE, MVR_L2, number, "Zoë O'Brien", ON, AT, true);
    }

    @Test
    void givenNothing_whenAsked_thenNothingKnown() {
        assertThat(register.claim("claim-1")).isEmpty();
        assertThat(register.certificate("C7KQ3MZ9BX")).isEmpty();
        assertThat(register.activeClaim(CANDIDATE, MVR_L2)).isEmpty();
        assertThat(register.numberTaken("C7KQ3MZ9BX")).isFalse();
    }

    @Test
    void givenClaimMade_whenAsked_thenAwaitingAndActiveForTheCandidateAndQualificationOnly() {
        database.apply(claimed("claim-1", CANDIDATE, MVR_L2));

        ClaimEntry awaiting = new ClaimEntry("claim-1", CANDIDATE, CENTRE, MVR_L2, ClaimStatus.AWAITING_APPROVAL, null);
        assertThat(register.claim("claim-1")).contains(awaiting);
        assertThat(register.activeClaim(CANDIDATE, MVR_L2)).contains(awaiting);
        assertThat(register.activeClaim(CANDIDATE, "MVR-L3")).isEmpty();
        assertThat(register.activeClaim("candidate-2", MVR_L2)).isEmpty();
    }

    @Test
    void givenClaimIssued_whenAsked_thenIssuedWithItsNumberValidAndStillActive() {
        database.apply(claimed("claim-1", CANDIDATE, MVR_L2));
        database.apply(issued("claim-1", "C7KQ3MZ9BX"));

        ClaimEntry issued = new ClaimEntry("claim-1", CANDIDATE, CENTRE, MVR_L2, ClaimStatus.ISSUED, "C7KQ3MZ9BX");
        assertThat(register.claim("claim-1")).contains(issued);
        assertThat(register.activeClaim(CANDIDATE, MVR_L2)).contains(issued);
        assertThat(register.certificate("C7KQ3MZ9BX"))
                .contains(new CertificateEntry(
                        "C7KQ3MZ9BX", "claim-1", CANDIDATE, CENTRE, MVR_L2, CertificateStatus.VALID));
        assertThat(register.numberTaken("C7KQ3MZ9BX")).isTrue();
    }

    @Test
    void givenClaimRejected_whenAsked_thenRejectedAndNoLongerActive() {
        database.apply(claimed("claim-1", CANDIDATE, MVR_L2));
        database.apply(new ClaimRejected("claim-1", CANDIDATE, CENTRE, MVR_L2, "No evidence of unit 3"));

        assertThat(register.claim("claim-1"))
                .get()
                .extracting(ClaimEntry::status)
                .isEqualTo(ClaimStatus.REJECTED);
        assertThat(register.activeClaim(CANDIDATE, MVR_L2)).isEmpty();

        database.apply(claimed("claim-2", CANDIDATE, MVR_L2));
        assertThat(register.activeClaim(CANDIDATE, MVR_L2))
                .get()
                .extracting(ClaimEntry::claimId)
                .isEqualTo("claim-2");
    }

    @Test
    void givenCertificateReplaced_whenAsked_thenTheOldNumberReplacedAndTheClaimCarriesTheNewOne() {
        database.apply(claimed("claim-1", CANDIDATE, MVR_L2));
        database.apply(issued("claim-1", "C7KQ3MZ9BX"));
        database.apply(new CertificateReplaced(
                "claim-1",
                CANDIDATE,
                CENTRE,
                MVR_L2,
                "C7KQ3MZ9BX",
                "CHJ4RT6WYZ",
                "Zoe O'Brien",
                ON.plusDays(9),
                "Name corrected"));

        assertThat(register.certificate("C7KQ3MZ9BX"))
                .get()
                .extracting(CertificateEntry::status)
                .isEqualTo(CertificateStatus.REPLACED);
        assertThat(register.certificate("CHJ4RT6WYZ"))
                .get()
                .extracting(CertificateEntry::status)
                .isEqualTo(CertificateStatus.VALID);
        assertThat(register.claim("claim-1"))
                .get()
                .extracting(ClaimEntry::certificateNumber)
                .isEqualTo("CHJ4RT6WYZ");
        assertThat(register.numberTaken("C7KQ3MZ9BX"))
                .as("a replaced number stays taken")
                .isTrue();
    }

    @Test
    void givenCertificateRevoked_whenAsked_thenRevokedAndTheClaimStillActive() {
        database.apply(claimed("claim-1", CANDIDATE, MVR_L2));
        database.apply(issued("claim-1", "C7KQ3MZ9BX"));
        database.apply(new CertificateRevoked(
                "claim-1", CANDIDATE, CENTRE, MVR_L2, "C7KQ3MZ9BX", ON.plusDays(30), "Malpractice"));

        assertThat(register.certificate("C7KQ3MZ9BX"))
                .get()
                .extracting(CertificateEntry::status)
                .isEqualTo(CertificateStatus.REVOKED);
        assertThat(register.activeClaim(CANDIDATE, MVR_L2)).isPresent();
    }

    /** Two claims checked at the same moment both find none; the later write fails and its command rolls back. */
    @Test
    void givenAClaimActive_whenAnotherIsRecordedForTheSameCandidateAndQualification_thenTheWriteFails() {
        database.apply(claimed("claim-1", CANDIDATE, MVR_L2));
        assertThatThrownBy(() -> database.apply(claimed("claim-2", CANDIDATE, MVR_L2)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void givenAClaimIssued_whenAnotherIsRecordedForTheSameCandidateAndQualification_thenTheWriteFails() {
        database.apply(claimed("claim-1", CANDIDATE, MVR_L2));
        database.apply(issued("claim-1", "C7KQ3MZ9BX"));
        assertThatThrownBy(() -> database.apply(claimed("claim-2", CANDIDATE, MVR_L2)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void givenANumberIssued_whenIssuedAgainOnAnotherClaim_thenTheWriteFails() {
        database.apply(claimed("claim-1", CANDIDATE, MVR_L2));
        database.apply(issued("claim-1", "C7KQ3MZ9BX"));
        database.apply(claimed("claim-2", "candidate-2", MVR_L2));
        assertThatThrownBy(() -> database.apply(issued("claim-2", "C7KQ3MZ9BX")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
