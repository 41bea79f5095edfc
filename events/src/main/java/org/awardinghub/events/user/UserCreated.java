package org.awardinghub.events.user;

import java.util.Set;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/**
 * A user was added and their PIN issued in the same step. {@code centreId} is null for IMI staff.
 * {@code candidateId} names the candidate of a CANDIDATE account, null for every other user (and in events written
 * before candidate accounts existed).
 * The PIN is an identifier shown in My Details, not a secret; no password or token is ever part of an event.
 */
@DataSubject("userId")
public record UserCreated(
        String userId,
        String pin,
        @PersonalData String name,
        @PersonalData String email,
        Set<Role> roles,
        String centreId,
        String candidateId) {

    public UserCreated(String userId, String pin, String name, String email, Set<Role> roles, String centreId) {
        this(userId, pin, name, email, roles, centreId, null);
    }
}
