package org.awardinghub.events.user;

public record UserDetailsAmended(
        String userId, String centreId, String oldName, String name, String oldEmail, String email, String reason) {}
