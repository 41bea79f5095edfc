package org.awardinghub.command.user;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The user's own choice of the optional notification kinds they do not want: the whole set, replacing the last. */
public record SetNotificationPreferences(
        @TargetAggregateIdentifier String userId, Set<String> turnedOff) {}
