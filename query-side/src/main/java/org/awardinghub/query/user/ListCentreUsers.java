package org.awardinghub.query.user;

/** Answers a {@code List<UserView>} of one centre's users, ordered by name. */
public record ListCentreUsers(String centreId) {}
