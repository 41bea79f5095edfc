package org.awardinghub.events.assessment;

import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/**
 * A submitted attempt's result was corrected after a post-results review: a clerical re-check that found a marking
 * error, or an appeal that IMI upheld ({@code enquiryId} names the enquiry). The attempt stays SUBMITTED; from now on
 * {@code outcome} and {@code score} (out of the attempt's unchanged {@code maxScore}) are its result, for re-sits,
 * certificate eligibility and the reports. {@code percent} is rounded half-up to one decimal, for showing only.
 */
@DataSubject("candidateId")
public record AttemptOutcomeChanged(
        String attemptId,
        String candidateId,
        String centreId,
        String qualificationCode,
        String assessmentCode,
        Outcome previousOutcome,
        Outcome outcome,
        int previousScore,
        int score,
        double percent,
        @PersonalData String reason,
        String enquiryId) {}
