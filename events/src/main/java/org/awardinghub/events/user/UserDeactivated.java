package org.awardinghub.events.user;

public record UserDeactivated(String userId, String centreId, String reason) {}
