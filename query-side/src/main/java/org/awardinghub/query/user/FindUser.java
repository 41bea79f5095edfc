package org.awardinghub.query.user;

/** Answers a {@link UserView}, or null. Also serves My Details. */
public record FindUser(String userId) {}
