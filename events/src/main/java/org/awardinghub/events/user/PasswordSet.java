package org.awardinghub.events.user;

/** That a password was set, and how: never the password nor its hash (those live in the credential store). */
public record PasswordSet(String userId, String centreId, PasswordSetBy how) {}
