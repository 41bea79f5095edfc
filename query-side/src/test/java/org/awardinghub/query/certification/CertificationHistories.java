package org.awardinghub.query.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.events.certification.ClaimRejected;
import org.awardinghub.query.History;
import org.awardinghub.query.History.Recorded;

/**
 * Certificate claims as the command side stores them: nine claims of seven candidates at two centres, c1 holding
 * Direct Claim Status when q1 was claimed, c2 never. Each event's time is when it was stored, a minute after the
 * one before, and the times it carries (claimed, issued) are that same instant.
 *
 * <pre>
 * q1  k1 at c1, DCS: claimed and issued at once (K1A, "Zoe OBrien"); replaced by K1B (name corrected to
 *     "Zoë O'Brien", the same day); later replaced by K1C (lost in the post)
 * q4  k3 at c2: claimed, rejected (evidence missing)
 * q2  k2 at c2: claimed, approved by IMI (K2A); later revoked (malpractice)
 * q6  k3 at c2: claimed again after the rejection, approved (K3A)
 * q5  k4 at c1 (no longer DCS): claimed, waiting
 * q3  k2 at c2: claimed again after the revocation, approved (K2B)
 * q9  k5 at c2: claimed, waiting
 * q8  k7 at c1: claimed, waiting
 * q7  k6 at c2: claimed, waiting — at the very instant q8 was (stored just after it)
 * </pre>
 *
 * The claim ids do not sort in the order claimed, so that a list ordered by id would show it.
 */
public final class CertificationHistories {

    static final Instant START = Instant.parse("2026-06-01T09:00:00Z");
    static final String QUALIFICATION = "LV3";
    static final String CENTRE_ADMIN_C1 = "10000001";
    static final String CENTRE_ADMIN_C2 = "10000002";
    static final String IMI_ADMIN = "90000001";

    static final String K1A = "K7Q2M9XA4T";
    static final String K1B = "B3N8R6TZ2W";
    static final String K1C = "H6W9P2DC5M";
    static final String K2A = "T4M7X2QK9B";
    static final String K2B = "R8Z3N6WP4H";
    static final String K3A = "D2K9T5MX7Q";

    static final String REJECTION = "evidence for unit LV02 missing";
    static final String NAME_CORRECTED = "name corrected";
    static final String LOST = "lost in the post";
    static final String MALPRACTICE = "malpractice: assessment evidence copied";

    static final LocalDate ISSUE_DAY = LocalDate.of(2026, 6, 1);
    static final LocalDate REVOCATION_DAY = LocalDate.of(2026, 6, 2);

    private CertificationHistories() {}

    /** The whole history above. */
    public static List<Recorded> everyEvent() {
        Claims claims = new Claims();
        claims.claimed("q1", "k1", "Q7M2K9XA", "c1", "Zoe OBrien", true, claims.next());
        claims.issued("q1", "k1", "c1", K1A, "Zoe OBrien", false);
        claims.claimed("q4", "k3", "H6W9P2DC", "c2", "Søren Ærø", false, claims.next());
        claims.claimed("q2", "k2", "B4N8R3TZ", "c2", "John Smith", false, claims.next());
        claims.then("q4", new ClaimRejected("q4", "k3", "c2", QUALIFICATION, REJECTION), imi(REJECTION));
        claims.issued("q2", "k2", "c2", K2A, "John Smith", true);
        claims.then(
                "q1",
                new CertificateReplaced(
                        "q1", "k1", "c1", QUALIFICATION, K1A, K1B, "Zoë O'Brien", ISSUE_DAY, NAME_CORRECTED),
                imi(NAME_CORRECTED));
        claims.claimed("q6", "k3", "H6W9P2DC", "c2", "Søren Ærø", false, claims.next());
        claims.issued("q6", "k3", "c2", K3A, "Søren Ærø", true);
        claims.claimed("q5", "k4", "M3P8T2VW", "c1", "Ann Jones", false, claims.next());
        claims.then(
                "q2",
                new CertificateRevoked("q2", "k2", "c2", QUALIFICATION, K2A, REVOCATION_DAY, MALPRACTICE),
                imi(MALPRACTICE));
        claims.claimed("q3", "k2", "B4N8R3TZ", "c2", "John Smith", false, claims.next());
        claims.issued("q3", "k2", "c2", K2B, "John Smith", true);
        claims.then(
                "q1",
                new CertificateReplaced(
                        "q1", "k1", "c1", QUALIFICATION, K1B, K1C, "Zoë O'Brien", day(claims.next()), LOST),
                imi(LOST));
        claims.claimed("q9", "k5", "F5G7J9K2", "c2", "Mo Patel", false, claims.next());
        Instant sameInstant = claims.next();
        claims.claimed("q8", "k7", "S6T8V2W4", "c1", "Li Wei", false, sameInstant);
        claims.claimed("q7", "k6", "X3Y5Z7A9", "c2", "Ada Byrne", false, sameInstant);
        return claims.history.events();
    }

    /** The first event of this type of this claim. */
    static Recorded first(Class<?> type, String claimId) {
        return everyEvent().stream()
                .filter(event ->
                        type.isInstance(event.payload()) && event.aggregateId().equals(claimId))
                .findFirst()
                .orElseThrow();
    }

    /** The history up to (not including) the first event of this type of this claim. */
    static List<Recorded> until(Class<?> type, String claimId) {
        List<Recorded> events = everyEvent();
        return events.subList(0, events.indexOf(first(type, claimId)));
    }

    /** The history up to and including the first event of this type of this claim. */
    static List<Recorded> through(Class<?> type, String claimId) {
        List<Recorded> events = everyEvent();
        return events.subList(0, events.indexOf(first(type, claimId)) + 1);
    }

    static Map<String, Object> centreAdmin(String pin) {
        return Map.of(AuditMetadata.ACTOR_PIN, pin, AuditMetadata.ACTOR_USER_ID, "u-" + pin);
    }

    static Map<String, Object> imi(String reason) {
        return reason == null
                ? Map.of(AuditMetadata.ACTOR_PIN, IMI_ADMIN, AuditMetadata.ACTOR_USER_ID, "u-imi")
                : Map.of(
                        AuditMetadata.ACTOR_PIN,
                        IMI_ADMIN,
                        AuditMetadata.ACTOR_USER_ID,
                        "u-imi",
                        AuditMetadata.REASON,
                        reason);
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A {@link History} that knows the time its next event will be stored at. */
    private static final class Claims {

        private final History history = new History(START);
        private int stored;

        /** When the next event is stored (History adds a minute per event). */
        Instant next() {
            return START.plusSeconds(60L * (stored + 1));
        }

        void then(String claimId, Object payload, Map<String, ?> metaData) {
            history.then(claimId, payload, metaData);
            stored++;
        }

        void claimed(
                String claimId,
                String candidateId,
                String registrationNumber,
                String centreId,
                String holderName,
                boolean directClaimStatus,
                Instant claimedAt) {
            String pin = centreId.equals("c1") ? CENTRE_ADMIN_C1 : CENTRE_ADMIN_C2;
            then(
                    claimId,
                    new CertificateClaimed(
                            claimId,
                            candidateId,
                            registrationNumber,
                            centreId,
                            QUALIFICATION,
                            holderName,
                            directClaimStatus,
                            List.of("a-" + candidateId + "-1", "a-" + candidateId + "-2"),
                            "u-" + pin,
                            pin,
                            claimedAt),
                    centreAdmin(pin));
        }

        /** Issued at once after a DCS claim (the centre admin's command), or on IMI's approval. */
        void issued(
                String claimId,
                String candidateId,
                String centreId,
                String certificateNumber,
                String holderName,
                boolean approvedByImi) {
            Instant issuedAt = next();
            then(
                    claimId,
                    new CertificateIssued(
                            claimId,
                            candidateId,
                            centreId,
                            QUALIFICATION,
                            certificateNumber,
                            holderName,
                            day(issuedAt),
                            issuedAt,
                            approvedByImi),
                    approvedByImi ? imi(null) : centreAdmin(CENTRE_ADMIN_C1));
        }
    }
}
