package org.awardinghub.query.candidate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.candidate.CandidateCertificateRevoked;
import org.awardinghub.events.candidate.CandidateCertificated;
import org.awardinghub.events.candidate.CandidateDateOfBirthAmended;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateReinstated;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateUlnAmended;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.query.History;
import org.awardinghub.query.History.Recorded;

/** Candidates' stored events, as the portal's projections receive them. */
public final class CandidateHistories {

    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    /** k4's first certificate, revoked, and the one issued on the claim made after that. */
    public static final String REVOKED_CERTIFICATE = "K7Q2M9XA4T";

    public static final String CERTIFICATE = "R8Z3N6WP4H";
    public static final String IMI_ADMIN = "90000001";

    private CandidateHistories() {}

    public static CandidateRegistered registered(
            String candidateId,
            String centreId,
            String registrationNumber,
            String firstName,
            String lastName,
            String uln,
            String qualificationCode) {
        return new CandidateRegistered(
                candidateId,
                centreId,
                registrationNumber,
                firstName,
                lastName,
                LocalDate.of(2001, 2, 3),
                uln,
                qualificationCode,
                LocalDate.of(2026, 1, 12),
                LocalDate.of(2026, 3, 2),
                false,
                false);
    }

    /** What a command from the acting user puts in every event's metadata. */
    public static Map<String, Object> actedBy(String pin, String reason) {
        return reason == null
                ? Map.of(AuditMetadata.ACTOR_PIN, pin, AuditMetadata.ACTOR_USER_ID, "u-" + pin)
                : Map.of(
                        AuditMetadata.ACTOR_PIN,
                        pin,
                        AuditMetadata.ACTOR_USER_ID,
                        "u-" + pin,
                        AuditMetadata.REASON,
                        reason);
    }

    /**
     * Four candidates at two centres, with every candidate event at least once: k4 is certificated, has the
     * certificate revoked, and is certificated again on a second claim.
     */
    public static List<Recorded> everyEvent() {
        return new History(START)
                .then(
                        "k1",
                        registered("k1", "c1", "Q7M2K9XA", "Zoë", "O'Brien-Łukasiewicz", "1000000001", "MV3"),
                        actedBy("10000001", null))
                .then("k2", registered("k2", "c1", "B4N8R3TZ", "John", "Smith", null, "MV3"), actedBy("10000001", null))
                .then(
                        "k3",
                        registered("k3", "c2", "H6W9P2DC", "Søren", "Ærø", "1000000002", "HV2"),
                        actedBy("10000002", null))
                .then(
                        "k1",
                        new CandidateNameAmended(
                                "k1", "c1", "Zoë", "O'Brien-Łukasiewicz", "Zoë", "O'Brien", "deed poll"),
                        actedBy("10000001", "deed poll"))
                .then(
                        "k1",
                        new CandidateDateOfBirthAmended(
                                "k1", "c1", LocalDate.of(2001, 2, 3), LocalDate.of(2000, 12, 31), "typo"),
                        actedBy("10000001", "typo"))
                .then(
                        "k2",
                        new CandidateUlnAmended("k2", "c1", null, "1000000003", "ULN found"),
                        actedBy("10000001", "ULN found"))
                .then(
                        "k2",
                        new CandidateQualificationAmended("k2", "c1", "MV3", "HV2", "changed course"),
                        actedBy("10000001", "changed course"))
                .then(
                        "k2",
                        new CandidateTransferred("k2", "c1", "c2", "moved house"),
                        actedBy("90000001", "moved house"))
                .then("k3", new CandidateWithdrawn("k3", "c2", "left course"), actedBy("10000002", "left course"))
                .then("k3", new CandidateReinstated("k3", "c2", "returned"), actedBy("10000002", "returned"))
                .then(
                        "k1",
                        new CandidateUlnAmended("k1", "c1", "1000000001", null, "not hers"),
                        actedBy("10000001", "not hers"))
                .then("k1", new CandidateWithdrawn("k1", "c1", "left course"), actedBy("10000001", "left course"))
                .then(
                        "k4",
                        registered("k4", "c1", "M3P8T2VW", "Ann", "Jones", "1000000004", "MV3"),
                        actedBy("10000001", null))
                .then(
                        "k4",
                        new CandidateCertificated("k4", "c1", "q1", "MV3", REVOKED_CERTIFICATE),
                        actedBy(IMI_ADMIN, null))
                .then(
                        "k4",
                        new CandidateCertificateRevoked("k4", "c1", "q1", REVOKED_CERTIFICATE, "malpractice"),
                        actedBy(IMI_ADMIN, "malpractice"))
                .then("k4", new CandidateCertificated("k4", "c1", "q2", "MV3", CERTIFICATE), actedBy(IMI_ADMIN, null))
                .events();
    }
}
