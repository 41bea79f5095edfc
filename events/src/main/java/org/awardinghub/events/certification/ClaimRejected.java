package org.awardinghub.events.certification;

import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/** IMI rejected a waiting claim, with a reason; the centre may claim again once the reason is dealt with. */
@DataSubject("candidateId")
public record ClaimRejected(
        String claimId,
        String candidateId,
        String centreId,
        String qualificationCode,
        @PersonalData String reason) {}
