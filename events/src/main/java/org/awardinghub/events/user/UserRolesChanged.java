package org.awardinghub.events.user;

import java.util.Set;

public record UserRolesChanged(String userId, String centreId, Set<Role> oldRoles, Set<Role> roles, String reason) {}
