package org.awardinghub.query.hub;

/** Answers a {@link UserView}, or null. Also serves My Details. */
public record FindUser(String userId) {
}
