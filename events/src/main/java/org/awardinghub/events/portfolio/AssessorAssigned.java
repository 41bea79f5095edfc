package org.awardinghub.events.portfolio;

/**
 * The centre's coordinator (or IMI) assigned the candidate's assessor; {@code previousAssessorUserId} is null for
 * the first assignment. {@code reason} is optional for the first and kept when given.
 */
public record AssessorAssigned(
        String candidateId,
        String centreId,
        String qualificationCode,
        String assessorUserId,
        String assessorPin,
        String previousAssessorUserId,
        String reason) {}
