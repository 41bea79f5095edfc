package org.awardinghub.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.events.user.NotificationPreferencesChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationPreferencesTableTest {

    LookupDatabase database;
    NotificationPreferences preferences;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        preferences = database.lookup(NotificationPreferences.class);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void givenNoChoice_whenAsked_thenEveryKindIsWanted() {
        assertThat(preferences.turnedOff("user-1")).isEmpty();
        assertThat(NotificationKind.values())
                .allSatisfy(
                        kind -> assertThat(preferences.wants("user-1", kind)).isTrue());
    }

    @Test
    void givenKindsTurnedOffThenOneTurnedOnAgain_whenAsked_thenTheLatestSetHoldsForThatUserAlone() {
        database.apply(new NotificationPreferencesChanged(
                "user-1", "centre-1", List.of("CLAIM_APPROVED", "HUB_REQUEST_ANSWERED")));
        database.apply(new NotificationPreferencesChanged("user-1", "centre-1", List.of("HUB_REQUEST_ANSWERED")));
        database.apply(new NotificationPreferencesChanged("user-2", "centre-1", List.of("CLAIM_APPROVED")));

        assertThat(preferences.turnedOff("user-1")).containsExactly(NotificationKind.HUB_REQUEST_ANSWERED);
        assertThat(preferences.wants("user-1", NotificationKind.CLAIM_APPROVED)).isTrue();
        assertThat(preferences.wants("user-1", NotificationKind.HUB_REQUEST_ANSWERED))
                .isFalse();
        assertThat(preferences.wants("user-2", NotificationKind.CLAIM_APPROVED)).isFalse();
    }

    @Test
    void givenAKindNoLongerKnown_whenAsked_thenItIsLeftOut() {
        database.apply(new NotificationPreferencesChanged("user-1", null, List.of("RETIRED_KIND", "CLAIM_APPROVED")));

        assertThat(preferences.turnedOff("user-1")).containsExactly(NotificationKind.CLAIM_APPROVED);
    }

    @Test
    void givenAMandatoryKind_whenAsked_thenItIsAlwaysWanted() {
        assertThat(preferences.wants("user-1", NotificationKind.CENTRE_SANCTIONED))
                .isTrue();
    }
}
