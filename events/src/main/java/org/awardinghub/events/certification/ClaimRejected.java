package org.awardinghub.events.certification;

/** IMI rejected a waiting claim, with a reason; the centre may claim again once the reason is dealt with. */
public record ClaimRejected(
        String claimId, String candidateId, String centreId, String qualificationCode, String reason) {}
