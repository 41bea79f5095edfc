package org.awardinghub.events.user;

import java.util.List;

/**
 * The user chose which optional notification emails they get: {@code turnedOff} names, in alphabetical order, every
 * kind they no longer want after the change (the whole set, not the difference). Kinds are named as text, so that an
 * event naming a kind a later release no longer has still loads. The user acts on their own account: who is in the
 * metadata, and no reason is asked.
 */
public record NotificationPreferencesChanged(String userId, String centreId, List<String> turnedOff) {

    public NotificationPreferencesChanged {
        turnedOff = List.copyOf(turnedOff);
    }
}
