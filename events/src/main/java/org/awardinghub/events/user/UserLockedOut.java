package org.awardinghub.events.user;

import java.time.Instant;

public record UserLockedOut(String userId, String centreId, Instant until) {}
