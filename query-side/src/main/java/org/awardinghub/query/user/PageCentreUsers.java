package org.awardinghub.query.user;

/** Answers a {@code Page<UserView>} of one centre's users, ordered by name (ties by id). */
public record PageCentreUsers(String centreId, int page, int size) {}
