package org.awardinghub.query.user;

/** Answers a {@code Page<UserView>} of the users who belong to no centre, ordered by name (ties by id). */
public record PageImiStaff(int page, int size) {}
