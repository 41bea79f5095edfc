package org.awardinghub.events.portfolio;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/** The candidate's assessor judged one version of a piece of evidence against criteria of its unit. */
@DataSubject("candidateId")
public record EvidenceJudged(
        String candidateId,
        String centreId,
        String evidenceId,
        int version,
        String unitCode,
        List<CriterionJudgement> criteria,
        @PersonalData String feedback,
        String assessorUserId,
        String assessorPin,
        Instant judgedAt) {

    /** One criterion judged: met, or not yet met. */
    public record CriterionJudgement(String code, boolean met) {}
}
