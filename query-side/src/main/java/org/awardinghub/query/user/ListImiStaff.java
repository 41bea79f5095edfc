package org.awardinghub.query.user;

/** Answers a {@code List<UserView>} of the users who belong to no centre, ordered by name. */
public record ListImiStaff() {}
