package org.awardinghub.query.privacy;

import java.time.Instant;
import java.time.LocalDate;
import org.awardinghub.events.candidate.CandidateStatus;

/**
 * A candidate's record as retention sees it: its state, the period it is kept for ({@code basis}) counted from
 * {@code countedFrom}, the day of its last activity, named by {@code lastActivity} (the event's type), and the day a
 * decision falls due ({@code dueOn}); IMI's extension, the legal hold standing and the erasure, each null when
 * there is none. No personal data: the registration number and ids only.
 */
public record RetentionRecord(
        String candidateId,
        String centreId,
        String registrationNumber,
        CandidateStatus status,
        RetentionBasis basis,
        LocalDate countedFrom,
        String lastActivity,
        LocalDate dueOn,
        Extension extension,
        LegalHold legalHold,
        Erasure erasure) {

    /** IMI keeps the record until {@code keepUntil}, on {@code legalBasis}. */
    public record Extension(LocalDate keepUntil, String reason, String legalBasis, Instant at, String byPin) {}

    /** A legal hold: nothing about the candidate may be erased while it stands. */
    public record LegalHold(String caseId, String reason, Instant placedAt, String placedByPin) {}

    /** The candidate's personal data was erased. */
    public record Erasure(Instant erasedAt, String legalBasis, String byPin) {}
}
