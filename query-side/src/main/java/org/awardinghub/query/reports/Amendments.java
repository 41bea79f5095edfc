package org.awardinghub.query.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Per centre (in id order, only those with amendments in the period): how many amendments of each kind, and how
 * many were made after the candidate had a result (a submitted attempt, whatever its outcome, even one voided
 * later) or a certificate claim (one amendment may be both). A transfer counts at the centre the candidate left;
 * every amendment under the candidate's qualification at the time (a qualification amendment: the one left). Then
 * the amendments made after a result or a claim themselves, in time order, at most {@link #LISTED} of them
 * ({@code lateAmendmentsTotal} says how many there were).
 */
public record Amendments(
        String centreId,
        String qualificationCode,
        LocalDate from,
        LocalDate to,
        List<Row> centres,
        long lateAmendmentsTotal,
        List<LateAmendment> lateAmendments) {

    /** The most amendments after a result or a claim listed one by one. */
    public static final int LISTED = 1000;

    public record Row(
            String centreId,
            long amendments,
            long names,
            long datesOfBirth,
            long ulns,
            long qualifications,
            long transfers,
            long afterResult,
            long afterClaim) {}

    /**
     * One amendment after a result or a claim. {@code kind}: NAME, DATE_OF_BIRTH, ULN, QUALIFICATION or TRANSFER;
     * {@code firstResultAt} / {@code firstClaimAt}: the candidate's first result and first claim before it (null:
     * none); {@code actorPin}: who amended (null when not recorded).
     */
    public record LateAmendment(
            Instant at,
            String candidateId,
            String centreId,
            String qualificationCode,
            String kind,
            String reason,
            String actorPin,
            Instant firstResultAt,
            Instant firstClaimAt) {}
}
