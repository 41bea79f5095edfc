package org.awardinghub.events.centre;

public record CentreQualificationRemoved(String centreId, String qualificationCode, String reason) {}
