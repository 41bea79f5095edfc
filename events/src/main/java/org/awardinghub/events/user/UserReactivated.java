package org.awardinghub.events.user;

public record UserReactivated(String userId, String centreId, String reason) {}
