package org.awardinghub.query.user;

import java.util.Set;

/**
 * Answers a {@code List<PersonName>}: the users among {@code userIds} and {@code pins} that exist, so that an answer
 * that names people by id or PIN can show their names beside them. Either set may be empty.
 */
public record FindPeopleNames(Set<String> userIds, Set<String> pins) {}
