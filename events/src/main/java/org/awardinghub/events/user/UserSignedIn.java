package org.awardinghub.events.user;

public record UserSignedIn(String userId, String centreId) {}
