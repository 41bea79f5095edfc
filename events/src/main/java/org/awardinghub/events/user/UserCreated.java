package org.awardinghub.events.user;

import java.util.Set;

/**
 * A user was added and their PIN issued in the same step. {@code centreId} is null for IMI staff.
 * The PIN is an identifier shown in My Details, not a secret; no password or token is ever part of an event.
 */
public record UserCreated(String userId, String pin, String name, String email, Set<Role> roles, String centreId) {
}
