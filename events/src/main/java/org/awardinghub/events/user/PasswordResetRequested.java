package org.awardinghub.events.user;

public record PasswordResetRequested(String userId, String centreId) {}
