package org.awardinghub.events.portfolio;

import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/**
 * The centre's coordinator (or IMI) assigned the candidate's assessor; {@code previousAssessorUserId} is null for
 * the first assignment. {@code reason} is optional for the first and kept when given.
 */
@DataSubject("candidateId")
public record AssessorAssigned(
        String candidateId,
        String centreId,
        String qualificationCode,
        String assessorUserId,
        String assessorPin,
        String previousAssessorUserId,
        @PersonalData String reason) {}
