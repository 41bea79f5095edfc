package org.awardinghub.events.portfolio;

/** The candidate's internal quality assurer was assigned; {@code previousIqaUserId} is null for the first. */
public record IqaAssigned(
        String candidateId,
        String centreId,
        String qualificationCode,
        String iqaUserId,
        String iqaPin,
        String previousIqaUserId) {}
