package org.awardinghub.api.notification;

import org.awardinghub.events.centre.Sanction;

/** What a sanction stops, in the words of a notice to the centre. */
final class SanctionWords {

    private SanctionWords() {}

    static String of(Sanction sanction) {
        return switch (sanction) {
            case REGISTRATIONS -> "registering candidates";
            case CERTIFICATION -> "claiming certificates";
        };
    }
}
