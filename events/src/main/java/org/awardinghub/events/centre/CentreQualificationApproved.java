package org.awardinghub.events.centre;

public record CentreQualificationApproved(String centreId, String qualificationCode, String reason) {}
