package org.awardinghub.events.user;

import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

@DataSubject("userId")
public record UserDetailsAmended(
        String userId,
        String centreId,
        @PersonalData String oldName,
        @PersonalData String name,
        @PersonalData String oldEmail,
        @PersonalData String email,
        @PersonalData String reason) {}
