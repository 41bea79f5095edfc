package org.awardinghub.command.notification;

import java.util.Set;

/**
 * Which optional notification kinds each user has turned off, as of the transaction that changed it. Read-only:
 * kept from {@code NotificationPreferencesChanged} by {@link NotificationPreferencesTable}, in the transaction that
 * stores the event. A kind no longer known is left out.
 */
public interface NotificationPreferences {

    Set<NotificationKind> turnedOff(String userId);

    default boolean wants(String userId, NotificationKind kind) {
        return !kind.optional() || !turnedOff(userId).contains(kind);
    }
}
