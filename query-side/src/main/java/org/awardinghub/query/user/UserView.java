package org.awardinghub.query.user;

import java.time.Instant;
import java.util.Set;
import org.awardinghub.events.user.Role;

/** A user as the hub shows them: never a password, hash or token (none reaches the read side). */
public record UserView(
        String userId,
        String pin,
        String name,
        String email,
        Set<Role> roles,
        String centreId,
        boolean active,
        boolean activated,
        Instant createdAt,
        Instant lastSignInAt,
        Instant lockedUntil) {}
