package org.awardinghub.events.user;

public record UserSignedOut(String userId, String centreId) {}
