package org.awardinghub.events.appeal;

import java.time.Instant;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.assessment.Outcome;

/** A centre asked for a review of a submitted attempt's result ({@code outcome}, {@code score} as they stood). */
@DataSubject("candidateId")
public record ResultEnquiryRaised(
        String enquiryId,
        String attemptId,
        String candidateId,
        String centreId,
        String qualificationCode,
        String assessmentCode,
        Outcome outcome,
        int score,
        int maxScore,
        @PersonalData String reasons,
        String raisedByUserId,
        String raisedByPin,
        Instant raisedAt) {}
