package org.awardinghub.events.user;

/** A wrong password for this user's PIN; {@code failuresInARow} counts since the last success or lock-out. */
public record SignInFailed(String userId, String centreId, int failuresInARow) {}
